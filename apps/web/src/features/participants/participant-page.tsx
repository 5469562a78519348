// One participant: summary, a timeline of every dated record, then cycles, assessments and events.
// Access is the server's decision: a refusal (steering committee, another centre) is shown in words.
import { Anchor, Badge, Button, Grid, Group, Paper, SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { can, timeZeroName, type AssessmentSchedule } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { AssumptionMark } from '../../components/assumption-badge';
import { clinical } from '../../components/clinical/messages';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { FollowUpBadge } from './follow-up-badge';
import { messages } from './messages';
import { ParticipantLocks } from '../locks/participant-locks';
import { CasebookSignature } from '../signatures/casebook-signature';
import { ParticipantMonitoring } from '../monitoring/participant-monitoring';
import { ParticipantSaes } from '../safety-reporting/participant-saes';
import { ParticipantTimeline } from './participant-timeline';
import { AssessmentsTable, CyclesTable, EventsTable } from './records-tables';
import type { ParticipantDetail } from './types';
import { VoidedNote } from './voided';

export default function ParticipantPage() {
  const trialId = useTrialId();
  const studyId = useParams().studyId ?? '';
  const trpc = useTRPC();
  const t = useT(messages);
  const user = useSession();
  const mayRecord = can(user.role, 'clinical:write') || can(user.role, 'clinical:correct');
  const detail = useQuery(trpc.participants.get.queryOptions({ trialId, studyId }));
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const assumptions = trial.data?.definition.assumptions ?? [];

  const back = (
    <Anchor component={Link} to={trialPath(trialId, 'participants')} size="sm">
      ← {t('backToList')}
    </Anchor>
  );

  if (detail.isPending) return <PageLoader />;
  if (detail.isError)
    return (
      <>
        <PageHeader title={t('participantTitle', { studyId })} />
        <PageError error={detail.error} title={t('refusedTitle')} onRetry={() => void detail.refetch()} />
      </>
    );
  const d = detail.data;
  return (
    <>
      <PageHeader
        title={t('participantTitle', { studyId: d.participant.studyId })}
        subtitle={d.participant.centreName}
        actions={
          <Group gap="sm">
            <FollowUpBadge followUp={d.participant.followUp} offStudy={d.participant.offStudy} />
            {mayRecord && !d.participant.voided ? (
              <Button
                component={Link}
                to={trialPath(trialId, `participants/${d.participant.studyId}/record`)}
                size="xs"
                variant="light"
              >
                {t('recordData')}
              </Button>
            ) : null}
            {back}
          </Group>
        }
      />
      <Stack gap="lg">
        <Summary detail={d} schedule={trial.data?.definition.schedule} />
        <Grid gap="lg">
          <Grid.Col span={{ base: 12, xl: 3 }}>
            <Section title={t('timelineTitle')} description={t('timelineDescription')}>
              <ParticipantTimeline detail={d} />
            </Section>
          </Grid.Col>
          <Grid.Col span={{ base: 12, xl: 9 }}>
            <Stack gap="lg">
              <Section
                title={t('cyclesTitle')}
                description={
                  <>
                    {t('cyclesDescription')} <AssumptionMark assumptions={assumptions} setting="treatment" />
                  </>
                }
              >
                <CyclesTable detail={d} />
              </Section>
              <Section
                title={t('assessmentsTitle')}
                description={
                  <>
                    {t('assessmentsDescription')}{' '}
                    <AssumptionMark assumptions={assumptions} setting="schedule" />
                  </>
                }
              >
                <AssessmentsTable detail={d} />
              </Section>
              <Section title={t('eventsTitle')}>
                <EventsTable detail={d} />
              </Section>
              <ParticipantSaes trialId={trialId} detail={d} />
              <ParticipantMonitoring trialId={trialId} studyId={d.participant.studyId} />
              <CasebookSignature
                trialId={trialId}
                studyId={d.participant.studyId}
                voided={d.participant.voided !== null}
              />
              <ParticipantLocks trialId={trialId} studyId={d.participant.studyId} />
            </Stack>
          </Grid.Col>
        </Grid>
      </Stack>
    </>
  );
}

function Summary({
  detail,
  schedule,
}: {
  detail: ParticipantDetail;
  schedule: AssessmentSchedule | undefined;
}) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const { lang } = useLang();
  const p = detail.participant;
  // The day the schedule counts from is the protocol's, named by its definition: ARTERY-2 counts from
  // inclusion, so its surgery is not "time zero". Plain names until the definition has loaded.
  const label = (kind: AssessmentSchedule['timeZero'], plain: string): string =>
    schedule?.timeZero === kind ? t('timeZeroOf', { name: timeZeroName(schedule)[lang] }) : plain;
  const items: [string, string][] = [
    [t('centre'), `${p.centreName} (${p.centre})`],
    [t('consent'), f.date(p.consentDate)],
    [label('inclusion', t('inclusion')), f.date(p.inclusionDate)],
    [label('surgery', t('surgery')), f.date(p.surgeryDate)],
    [
      t('pump'),
      p.pumpNotPlacedReason !== null
        ? t('pumpNotPlaced', { reason: p.pumpNotPlacedReason })
        : f.date(p.pumpDate),
    ],
    [t('followUpEnd'), f.date(p.followUpEnd)],
    [t('ageSex'), `${t('ageYears', { age: p.ageAtInclusion })}, ${tk(`sex_${p.sex}`).toLowerCase()}`],
  ];
  return (
    <Paper withBorder radius="md" p="lg" shadow="xs" component="section" aria-label={t('summaryTitle')}>
      {p.voided ? (
        <Group mb="sm" gap="xs">
          <Badge color="red" variant="filled">
            {t('voided')}
          </Badge>
          <VoidedNote voided={p.voided} />
        </Group>
      ) : null}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="md" component="dl" style={{ margin: 0 }}>
        {items.map(([label, value]) => (
          <div key={label}>
            <Text component="dt" size="xs" c="dimmed" fw={600}>
              {label}
            </Text>
            <Text component="dd" size="sm" fw={600} m={0} className="tabular">
              {value}
            </Text>
          </div>
        ))}
      </SimpleGrid>
    </Paper>
  );
}

// A coordinator's home: per trial, the assessments and pump visits of their centre that are due this
// month or overdue, each linked to the participant's data-entry page.
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';

type TrialWork = RouterOutputs['entry']['worklist']['get']['trials'][number];

export default function WorklistPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const user = useSession();
  const t = useT(messages);
  const f = useFormat();
  const work = useQuery(trpc.entry.worklist.get.queryOptions({}));
  if (work.isPending) return <PageLoader />;
  if (work.isError) return <PageError error={work.error} onRetry={() => void work.refetch()} />;
  // The trial being looked at first, then the others.
  const trials = [...work.data.trials].sort(
    (a, b) => Number(b.trialId === trialId) - Number(a.trialId === trialId),
  );
  return (
    <>
      <PageHeader
        title={t('worklistTitle')}
        subtitle={t('worklistSubtitle', {
          centre: user.centre ?? t('worklistAllCentres'),
          date: f.date(work.data.asOf),
        })}
      />
      <Stack gap="xl">
        {trials.map((trial) => (
          <TrialWorklist key={trial.trialId} trial={trial} />
        ))}
      </Stack>
    </>
  );
}

function TrialWorklist({ trial }: { trial: TrialWork }) {
  const t = useT(messages);
  return (
    <Stack gap="md" component="section" aria-label={trial.code}>
      <Group gap="sm">
        <Title order={2} size="h3">
          {trial.code}
        </Title>
        {trial.synthetic ? (
          <Badge color="grape" variant="light">
            {t('synthetic')}
          </Badge>
        ) : null}
      </Group>
      <AssessmentTable
        trialId={trial.trialId}
        title={t('assessmentsOverdue')}
        rows={trial.assessments.overdue}
      />
      <AssessmentTable
        trialId={trial.trialId}
        title={t('assessmentsDue')}
        rows={trial.assessments.dueThisMonth}
      />
      <CycleTable trialId={trial.trialId} title={t('cyclesOverdue')} rows={trial.cycles.overdue} />
      <CycleTable trialId={trial.trialId} title={t('cyclesDue')} rows={trial.cycles.dueThisMonth} />
    </Stack>
  );
}

function RecordLink({ trialId, studyId }: { trialId: string; studyId: string }) {
  const t = useT(messages);
  return (
    <Anchor
      component={Link}
      to={trialPath(trialId, `participants/${studyId}/record`)}
      aria-label={t('openRecord', { studyId })}
      ff="monospace"
    >
      {studyId}
    </Anchor>
  );
}

function AssessmentTable({
  trialId,
  title,
  rows,
}: {
  trialId: string;
  title: string;
  rows: TrialWork['assessments']['overdue'];
}) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Section title={`${title} (${rows.length})`}>
      {rows.length === 0 ? (
        <Text size="sm">{t('nothing')}</Text>
      ) : (
        <ScrollTable maxHeight={420}>
          <Table striped className="tabular" verticalSpacing="xs">
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('studyId')}</Table.Th>
                <Table.Th scope="col">{t('colMonth')}</Table.Th>
                <Table.Th scope="col">{t('colDue')}</Table.Th>
                <Table.Th scope="col">{t('colWindow')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.studyId}-${r.month}`}>
                  <Table.Th scope="row">
                    <RecordLink trialId={trialId} studyId={r.studyId} />
                  </Table.Th>
                  <Table.Td>{t('monthN', { month: r.month })}</Table.Td>
                  <Table.Td>{f.date(r.dueDate)}</Table.Td>
                  <Table.Td>
                    {t('windowRange', { from: f.date(r.windowStart), to: f.date(r.windowEnd) })}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

function CycleTable({
  trialId,
  title,
  rows,
}: {
  trialId: string;
  title: string;
  rows: TrialWork['cycles']['overdue'];
}) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Section title={`${title} (${rows.length})`}>
      {rows.length === 0 ? (
        <Text size="sm">{t('nothing')}</Text>
      ) : (
        <ScrollTable maxHeight={420}>
          <Table striped className="tabular" verticalSpacing="xs">
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('studyId')}</Table.Th>
                <Table.Th scope="col">{t('colCycle')}</Table.Th>
                <Table.Th scope="col">{t('colPlanned')}</Table.Th>
                <Table.Th scope="col">{t('colDueBy')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={`${r.studyId}-${r.cycle}`}>
                  <Table.Th scope="row">
                    <RecordLink trialId={trialId} studyId={r.studyId} />
                  </Table.Th>
                  <Table.Td>{r.cycle}</Table.Td>
                  <Table.Td>{f.date(r.plannedDate)}</Table.Td>
                  <Table.Td>{f.date(r.dueBy)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

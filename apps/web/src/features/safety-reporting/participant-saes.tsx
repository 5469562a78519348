// The SAE section of a participant's page: the participant's SAEs with their clocks and follow-ups, and
// (coordinator of the centre, data manager) each complication or death not yet reported with a
// "Report as SAE" action that opens the form in place. The server decides access: another centre's
// participant never reaches this page.
import { Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { Section } from '../../components/section';
import { clinical } from '../../components/clinical/messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { ParticipantDetail } from '../participants/types';
import { messages } from './messages';
import { ReportSaeForm, type ReportableEvent } from './report-sae-form';
import { SaeCard } from './sae-card';
import { SaeStep } from './sae-step-forms';

export function ParticipantSaes({ trialId, detail }: { trialId: string; detail: ParticipantDetail }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const trpc = useTRPC();
  const user = useSession();
  const studyId = detail.participant.studyId;
  const mayReport = can(user.role, 'sae:report');
  const saes = useQuery(trpc.safety.list.queryOptions({ trialId, studyId }));
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const [opened, setOpened] = useState<number | null>(null);
  const [reported, setReported] = useState<{ saeId: number; onTime: boolean } | null>(null);
  const list = saes.data?.saes ?? [];
  const reportedEvents = new Set(list.filter((s) => s.id !== null).map((s) => s.eventId));
  const reportable: ReportableEvent[] = detail.events
    .filter(
      (e) => (e.type === 'complication' || e.type === 'death') && !e.voided && !reportedEvents.has(e.id),
    )
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((e) => ({
      id: e.id,
      type: e.type as 'complication' | 'death',
      name: t('eventOn', {
        term: e.type === 'death' ? tk('event_death') : (e.complicationTerm ?? tk(`event_${e.type}`)),
        date: f.date(e.date),
      }),
    }));
  const plan = trial.data?.definition.safety;
  const openEvent = reportable.find((e) => e.id === opened);
  return (
    <Section title={t('sectionTitle')} description={t('sectionHelp')}>
      <Stack gap="md">
        {saes.isSuccess && list.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noSaes')}
          </Text>
        ) : null}
        {reported !== null ? (
          <Text size="sm" c={reported.onTime ? 'teal' : 'red'} role="status">
            {t('reported', {
              id: reported.saeId,
              state: reported.onTime ? t('reportedOnTime') : t('reportedLate'),
            })}
          </Text>
        ) : null}
        {list.map((s) => (
          <SaeCard key={s.id ?? `death-${s.eventId}`} sae={s}>
            {s.id !== null && mayReport && !detail.participant.voided ? (
              <Group>
                <SaeStep step="followUp" trialId={trialId} saeId={s.id} />
              </Group>
            ) : null}
          </SaeCard>
        ))}
        {mayReport && !detail.participant.voided && reportable.length > 0 && plan ? (
          <Paper withBorder radius="md" p="md">
            <Stack gap="sm">
              <Text size="sm" fw={600}>
                {t('reportable')}
              </Text>
              {reportable.some((e) => e.type === 'death') ? <Text size="sm">{t('deathAlways')}</Text> : null}
              {openEvent ? (
                <ReportSaeForm
                  key={openEvent.id}
                  trialId={trialId}
                  studyId={studyId}
                  event={openEvent}
                  plan={plan}
                  onDone={(r) => {
                    setReported(r);
                    setOpened(null);
                  }}
                  onCancel={() => setOpened(null)}
                />
              ) : (
                <Group gap="xs" wrap="wrap">
                  {reportable.map((e) => (
                    <Button
                      key={e.id}
                      size="xs"
                      variant="light"
                      color="red"
                      h="auto"
                      py={6}
                      styles={{ label: { whiteSpace: 'normal', textAlign: 'left' } }}
                      aria-label={t('reportAsSaeLabel', { event: e.name })}
                      onClick={() => {
                        setReported(null);
                        setOpened(e.id);
                      }}
                    >
                      {t('reportAsSae')}: {e.name}
                    </Button>
                  ))}
                </Group>
              )}
            </Stack>
          </Paper>
        ) : null}
      </Stack>
    </Section>
  );
}

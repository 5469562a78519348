// One SAE as everyone who reads it sees it: the event, criteria, causality per intervention, the SUSAR
// flag, the clocks, the follow-up reports in order, the PI's review and the SUSAR's submission. Actions
// (follow-up, review, SUSAR reported) are given by the page that shows the card.
import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { isRelated } from '@trialdesk/domain';
import type { ReactNode } from 'react';
import { useFormat, useT } from '../../i18n/i18n-context';
import type { SaeView } from './clock-words';
import { messages } from './messages';
import { SaeClock } from './sae-clock';

export function useSaeEventName(): (sae: SaeView) => string {
  const t = useT(messages);
  const f = useFormat();
  return (sae) => t('eventOn', { term: sae.eventTerm, date: f.date(sae.eventDate) });
}

/** The SAE's name, "SAE 12: Pneumonia (22 Mar 2022)", or the death still to be reported. */
export function useSaeTitle(): (sae: SaeView) => string {
  const t = useT(messages);
  const eventName = useSaeEventName();
  return (sae) =>
    sae.id === null
      ? t('deathNotReported', { event: eventName(sae) })
      : t('saeTitle', { id: sae.id, event: eventName(sae) });
}

export function SaeCard({ sae, children }: { sae: SaeView; children?: ReactNode }) {
  const t = useT(messages);
  const f = useFormat();
  const title = useSaeTitle()(sae);
  const susarClock = sae.clocks.susar;
  return (
    <Paper withBorder radius="md" p="md" component="article" aria-label={title}>
      <Stack gap="xs">
        <Group gap="xs" wrap="wrap">
          <Title order={3} size="h5">
            {title}
          </Title>
          {sae.susar ? (
            <Badge color="red" variant="filled" title={t('susarFull')}>
              {t('susar')}
            </Badge>
          ) : null}
          {sae.id !== null ? (
            <Badge color={sae.review ? 'teal' : 'gray'} variant="light">
              {sae.review ? t('reviewed') : t('notReviewed')}
            </Badge>
          ) : null}
          {sae.synthetic ? (
            <Badge color="grape" variant="light">
              {t('synthetic')}
            </Badge>
          ) : null}
          {sae.eventVoided ? (
            <Text size="xs" c="dimmed">
              ({t('voidedEvent')})
            </Text>
          ) : null}
        </Group>
        {sae.criteria.length > 0 ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('criteria')}:
            </Text>{' '}
            {sae.criteria.map((c) => t(`criterion_${c}`)).join(', ')}
          </Text>
        ) : null}
        {sae.assessments.length > 0 ? (
          <Text size="sm">
            <Text span fw={600}>
              {t('causalityCol')}:
            </Text>{' '}
            {sae.assessments
              .map(
                (a) =>
                  `${a.interventionName}: ${t(`causality_${a.causality}`)}${
                    isRelated(a.causality) && a.expected !== null
                      ? ` (${t('related')}, ${a.expected ? t('expected') : t('unexpected')})`
                      : ''
                  }`,
              )
              .join('; ')}
          </Text>
        ) : null}
        <Text size="sm">
          <Text span fw={600}>
            {t('aware')}:
          </Text>{' '}
          {sae.awarenessFromRecord
            ? t('awareFromRecord', { at: f.timestamp(sae.awareAt) })
            : f.timestamp(sae.awareAt)}
          {sae.reportedAt !== null && sae.reportedByName !== null ? (
            <>
              {' · '}
              <Text span fw={600}>
                {t('reportedBy')}:
              </Text>{' '}
              {t('byOn', { by: sae.reportedByName, at: f.timestamp(sae.reportedAt) })}
            </>
          ) : null}
        </Text>
        <SaeClock label={t('initialClock')} clock={sae.clocks.initial} />
        {susarClock ? (
          <SaeClock
            label={
              Date.parse(susarClock.dueAt) - Date.parse(susarClock.startAt) <= 7 * 86_400_000
                ? t('susarClock7')
                : t('susarClock15')
            }
            clock={susarClock}
          />
        ) : null}
        {sae.description ? <Text size="sm">{sae.description}</Text> : null}
        {sae.id !== null ? (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('followUps')}
            </Text>
            {sae.followUps.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('noFollowUps')}
              </Text>
            ) : (
              <List size="sm" spacing={4} listStyleType="none" withPadding={false}>
                {sae.followUps.map((u) => (
                  <List.Item key={u.seq}>
                    <Text span size="sm" fw={600}>
                      {t('followUpN', { seq: u.seq })}
                    </Text>{' '}
                    ({t('byOn', { by: u.reportedByName, at: f.timestamp(u.reportedAt) })}): {u.text}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        ) : null}
        {sae.review ? (
          <Text size="sm">
            {t('reviewedBy', { by: sae.review.byName, at: f.timestamp(sae.review.at) })}
            {sae.review.comment ? `: ${sae.review.comment}` : ''}
          </Text>
        ) : null}
        {sae.susarReport ? (
          <Text size="sm">
            {t('susarReportedBy', {
              by: sae.susarReport.byName,
              at: f.timestamp(sae.susarReport.at),
              reference: sae.susarReport.reference,
            })}
          </Text>
        ) : null}
        {children}
      </Stack>
    </Paper>
  );
}

// The meeting records as the report shows them (web and PDF alike): date, recommendation, the cut's hash,
// attendees, minutes and the signature.
import { Stack, Text } from '@mantine/core';
import { Section } from '../../../components/section';
import { useFormat, useT } from '../../../i18n/i18n-context';
import type { Report } from '../types';
import { messages } from './messages';

export function ReportMeetings({ meetings }: { meetings: Report['meetings'] }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Section title={t('title')}>
      <Stack gap="md" data-testid="report-meetings">
        {meetings.length === 0 ? <Text size="sm">{t('none')}</Text> : null}
        {meetings.map((m) => (
          <Stack key={m.id} gap={2}>
            <Text fw={600}>
              {f.date(m.meetingDate)}: {t(m.recommendation)}
            </Text>
            <Text size="sm">
              {t('attendeeCount', { n: m.attendees.length })}: {m.attendees.join(', ')}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.minutes}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('cutHash', { hash: m.cutHash })}
            </Text>
            <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {m.signature
                ? `${t('signedBy', { name: m.signature.signedBy ?? '–', date: f.date(m.signature.signedAt.slice(0, 10)) })} · ${t('signatureHash', { hash: m.signature.hash })}`
                : t('draft')}
            </Text>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

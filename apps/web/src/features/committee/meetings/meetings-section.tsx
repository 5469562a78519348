// The committee's meetings beside the data cuts: each with its date, attendees, cut (and hash), the
// recommendation, minutes and signature; a draft can be signed by a member who may record meetings.
import { Group, Paper, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useSession } from '../../../app/session';
import { Section } from '../../../components/section';
import { useFormat, useT } from '../../../i18n/i18n-context';
import { useTRPC } from '../../../lib/trpc';
import type { CutList } from '../types';
import { messages } from './messages';
import { RecordMeeting } from './record-meeting';
import { SignMeeting } from './sign-meeting';

export function MeetingsSection({ trialId, cuts }: { trialId: string; cuts: CutList }) {
  const t = useT(messages);
  const f = useFormat();
  const user = useSession();
  const trpc = useTRPC();
  const q = useQuery(trpc.committee.meetings.list.queryOptions({ trialId }));
  const mayRecord = can(user.role, 'meeting:record');
  const cutLabel = (id: number) => cuts.find((c) => c.id === id)?.label ?? `#${id}`;
  return (
    <>
      <Section title={t('title')} description={t('hint')}>
        {!q.data ? null : q.data.meetings.length === 0 ? (
          <Text size="sm">{t('none')}</Text>
        ) : (
          // One card per meeting rather than a table: minutes are paragraphs, and a card reads whole at
          // 390 px and at 1440 px without a sideways scroll.
          <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} data-testid="meeting-list">
            {q.data.meetings.map((m) => (
              <Paper component="li" key={m.id} withBorder p="sm" radius="sm">
                <Stack gap={6}>
                  <Group gap="xs" wrap="wrap">
                    <Text fw={700} size="sm">
                      {f.date(m.meetingDate)}
                    </Text>
                    <Text
                      size="sm"
                      fw={600}
                      c={m.recommendation === 'continue' ? 'teal.8' : 'orange.8'}
                      data-testid="meeting-recommendation"
                    >
                      {t(m.recommendation)}
                    </Text>
                  </Group>
                  <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                    {t('cut')}: {cutLabel(m.cutId)} · {t('cutHash', { hash: `${m.cutHash.slice(0, 16)}…` })}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {t('attendeeCount', { n: m.attendees.length })}: {m.attendees.join(', ')}
                  </Text>
                  <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                    {m.minutes}
                  </Text>
                  {m.signature ? (
                    <Stack gap={2} data-testid="meeting-signed">
                      <Text size="sm">
                        {t('signedBy', {
                          name: m.signature.signedBy ?? '–',
                          date: f.date(m.signature.signedAt.slice(0, 10)),
                        })}
                      </Text>
                      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                        {t('signatureHash', { hash: `${m.signature.hash.slice(0, 16)}…` })}
                      </Text>
                    </Stack>
                  ) : (
                    <Stack gap={4}>
                      <Text size="sm">{t('draft')}</Text>
                      {mayRecord ? <SignMeeting trialId={trialId} meetingId={m.id} /> : null}
                    </Stack>
                  )}
                </Stack>
              </Paper>
            ))}
          </Stack>
        )}
      </Section>
      {mayRecord && cuts.length > 0 ? <RecordMeeting trialId={trialId} cuts={cuts} /> : null}
    </>
  );
}

// The monitoring part of a participant's pages (the participant page and the record page): the queries
// about this participant with their conversations, a form to open one (reviewers), and SDV per record.
import { Badge, Divider, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { OpenQueryForm } from './open-query-form';
import { QueryThread } from './query-thread';
import { SdvRecords } from './sdv-records';

export function ParticipantMonitoring({ trialId, studyId }: { trialId: string; studyId: string }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const user = useSession();
  const queries = useQuery(trpc.queries.list.queryOptions({ trialId, studyId }));
  const sdv = useQuery(trpc.sdv.participant.queryOptions({ trialId, studyId }));
  const records = sdv.data?.records ?? [];
  const open = (queries.data?.queries ?? []).filter((q) => q.status !== 'closed').length;
  return (
    <>
      <Section
        title={t('queriesSection')}
        description={t('queriesSectionHelp')}
        actions={
          open > 0 ? (
            <Badge color="orange" variant="filled">
              {t('openQueriesBadge', { count: open })}
            </Badge>
          ) : null
        }
      >
        <Stack gap="md">
          {queries.data?.queries.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noQueries')}
            </Text>
          ) : null}
          {queries.data?.queries.map((q) => (
            <Stack key={q.id} gap="md">
              <QueryThread query={q} />
              <Divider />
            </Stack>
          ))}
          {can(user.role, 'query:open') ? (
            <OpenQueryForm trialId={trialId} studyId={studyId} records={records} />
          ) : null}
        </Stack>
      </Section>
      <Section title={t('sdvSection')} description={t('sdvSectionHelp')}>
        <SdvRecords trialId={trialId} studyId={studyId} records={records} />
      </Section>
    </>
  );
}

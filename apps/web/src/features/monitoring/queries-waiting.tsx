// On the coordinator's worklist: the queries waiting for the site's answer, oldest first, each linked to
// the query list where it is answered.
import { Anchor, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { trialPath } from '../../app/trial';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { aboutQuery } from './query-words';

export function QueriesWaiting({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const list = useQuery(trpc.queries.list.queryOptions({ trialId, status: 'open' }));
  if (!list.data) return null;
  const rows = [...list.data.queries].sort((a, b) => b.ageDays - a.ageDays);
  return (
    <Section
      title={t('waitingTitle')}
      description={t('queryCount', { count: rows.length })}
      actions={
        <Anchor component={Link} to={trialPath(trialId, 'queries')} size="sm">
          {t('toQueryList')}
        </Anchor>
      }
    >
      {rows.length === 0 ? (
        <Text size="sm">{t('noQueries')}</Text>
      ) : (
        <ScrollTable maxHeight={320}>
          <Stack gap={0}>
            <Table verticalSpacing={4} miw={480}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('colParticipant')}</Table.Th>
                  <Table.Th>{t('colAbout')}</Table.Th>
                  <Table.Th>{t('colAge')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((q) => (
                  <Table.Tr key={q.id}>
                    <Table.Td>
                      <Anchor component={Link} to={trialPath(trialId, `participants/${q.studyId}`)} size="sm">
                        {q.studyId}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{aboutQuery(q, t, lang)}</Table.Td>
                    <Table.Td className="tabular">{t('ageDays', { days: q.ageDays })}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Stack>
        </ScrollTable>
      )}
    </Section>
  );
}

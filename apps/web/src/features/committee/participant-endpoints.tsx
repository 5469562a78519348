// The per-participant endpoint table: time, status and the reason in words. Participant-level data, so
// only for roles with 'participant:read' (a coordinator sees their own centre: the server scopes it).
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { QueryView } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

const SHORT: Record<string, string> = { hdfs: 'hDFS', dfs: 'DFS', os: 'OS' };

export function ParticipantEndpoints({ trialId, cutId }: { trialId: string; cutId: number | null }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const q = useQuery(trpc.committee.outcomes.participants.queryOptions({ trialId, cutId }));
  return (
    <Section title={t('participantTable')} description={t('participantTableHint')}>
      <QueryView query={q} retry={false}>
        {(data) => (
          <ScrollTable maxHeight={480}>
            <Table striped stickyHeader fz="sm" className="tabular" data-testid="participant-endpoints">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('studyId')}</Table.Th>
                  {data.endpoints.map((e) => (
                    <Table.Th key={e.kind}>{SHORT[e.kind] ?? e.kind}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((r) => (
                  <Table.Tr key={r.studyId}>
                    <Table.Td ff="monospace">{r.studyId}</Table.Td>
                    {r.values.map((v) => (
                      <Table.Td key={v.kind}>
                        {v.time === null
                          ? '–'
                          : `${f.number(v.time, 1)} · ${v.event ? t('event') : t('censoredWord')}`}
                        <br />
                        <span style={{ color: 'var(--mantine-color-dimmed)', fontSize: 12 }}>
                          {v.reason?.[lang] ?? ''}
                        </span>
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        )}
      </QueryView>
    </Section>
  );
}

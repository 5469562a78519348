// Open queries per centre and the median days to the first answer: on the query list and the overview.
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

export function QuerySummary({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const summary = useQuery(trpc.queries.summary.queryOptions({ trialId }));
  if (!summary.data) return null;
  const rows = [...summary.data.centres, { centre: t('allCentres'), ...summary.data.total }];
  return (
    <Section title={t('summaryTitle')}>
      <ScrollTable>
        <Table verticalSpacing={4} miw={520}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('colCentre')}</Table.Th>
              <Table.Th ta="right">{t('colOpen')}</Table.Th>
              <Table.Th ta="right">{t('colAnswered')}</Table.Th>
              <Table.Th ta="right">{t('colClosed')}</Table.Th>
              <Table.Th ta="right">{t('colMedianDays')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.centre}>
                <Table.Td fw={r.centre === t('allCentres') ? 700 : undefined}>{r.centre}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {f.number(r.open)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {f.number(r.answered)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {f.number(r.closed)}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {r.medianDaysToAnswer === null ? '–' : f.decimal(r.medianDaysToAnswer, 1)}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

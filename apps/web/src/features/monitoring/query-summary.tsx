// Open queries per centre (by name) and the median days to the first answer: on the query list and the
// overview.
import { Table } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useCentreNames } from '../../app/use-centre-names';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

type Row = { open: number; answered: number; closed: number; medianDaysToAnswer: number | null };

export function QuerySummary({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const centreName = useCentreNames(trialId);
  const f = useFormat();
  const trpc = useTRPC();
  const summary = useQuery(trpc.queries.summary.queryOptions({ trialId }));
  if (!summary.data) return null;
  const rows = [
    ...summary.data.centres.map((c) => ({ ...c, name: centreName(c.centre) })),
    { ...summary.data.total, centre: '', name: t('allCentres') },
  ];
  const figures = [
    [t('colOpen'), (r: Row) => f.number(r.open)],
    [t('colAnswered'), (r: Row) => f.number(r.answered)],
    [t('colClosed'), (r: Row) => f.number(r.closed)],
    [
      t('colMedianDays'),
      (r: Row) => (r.medianDaysToAnswer === null ? '–' : f.decimal(r.medianDaysToAnswer, 1)),
    ],
  ] as const;
  return (
    <Section title={t('summaryTitle')}>
      <ScrollTable>
        {/* At a phone's width each centre stacks into a labelled card (the .stacked pattern). */}
        <Table verticalSpacing={4} className="tabular stacked">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('colCentre')}</Table.Th>
              {figures.map(([header]) => (
                <Table.Th key={header} scope="col" ta="right">
                  {header}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.centre}>
                <Table.Th scope="row" className="wrap" fw={r.centre === '' ? 700 : undefined}>
                  {r.name}
                </Table.Th>
                {figures.map(([header, value]) => (
                  <Table.Td key={header} ta="right" data-label={header}>
                    {value(r)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

// Cumulative accrual against the planned line, total or per centre, as a chart or as a table.
import { SegmentedControl, Table } from '@mantine/core';
import { useState } from 'react';
import { ChartViewSwitch, useChartView } from '../../components/chart-or-table';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { CentreName, Overview } from './types';
import { AccrualChart } from './lazy-charts';
import type { CentreSeries, Mode } from './chart-data';

export function AccrualSection({ overview, centreName }: { overview: Overview; centreName: CentreName }) {
  const t = useT(messages);
  const [view, setView] = useChartView();
  const [chosen, setMode] = useState<Mode>('total');
  const mode: Mode = overview.accrualPerCentre ? chosen : 'total';
  return (
    <Section
      title={t('accrualTitle')}
      description={t('accrualDescription')}
      actions={
        <>
          {overview.accrualPerCentre ? (
            <SegmentedControl
              size="xs"
              aria-label={t('accrualSeries')}
              value={mode}
              onChange={(v) => setMode(v === 'centre' ? 'centre' : 'total')}
              data={[
                { value: 'total', label: t('accrualTotal') },
                { value: 'centre', label: t('accrualByCentre') },
              ]}
            />
          ) : null}
          <ChartViewSwitch value={view} onChange={setView} label={t('accrualTitle')} />
        </>
      }
    >
      {view === 'chart' ? (
        <AccrualChart overview={overview} mode={mode} centreName={centreName} />
      ) : (
        <AccrualTable overview={overview} mode={mode} centreName={centreName} />
      )}
    </Section>
  );
}

function AccrualTable({
  overview,
  mode,
  centreName,
}: {
  overview: Overview;
  mode: Mode;
  centreName: CentreName;
}) {
  const t = useT(messages);
  const f = useFormat();
  const codes = overview.centres.map((c) => c.code);
  const n = (v: number | null | undefined) => (v === null || v === undefined ? '–' : f.number(v, 1));
  return (
    <ScrollTable maxHeight={420}>
      <Table striped stickyHeader highlightOnHover className="tabular">
        <Table.Caption>{t('accrualCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('month')}</Table.Th>
            {mode === 'total' ? (
              <>
                <Table.Th scope="col" ta="right">
                  {t('actual')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('planned')}
                </Table.Th>
              </>
            ) : (
              codes.flatMap((code) => [
                <Table.Th key={`a-${code}`} scope="col" ta="right">
                  {t('actualOf', { name: centreName(code) })}
                </Table.Th>,
                <Table.Th key={`p-${code}`} scope="col" ta="right">
                  {t('plannedOf', { name: centreName(code) })}
                </Table.Th>,
              ])
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.accrual.map((p) => {
            const actual: CentreSeries = p.byCentre;
            const planned: CentreSeries = p.plannedByCentre;
            return (
              <Table.Tr key={p.month}>
                <Table.Th scope="row" fw={500}>
                  {f.month(p.month)}
                </Table.Th>
                {mode === 'total' ? (
                  <>
                    <Table.Td ta="right">{n(p.total)}</Table.Td>
                    <Table.Td ta="right">{n(p.planned)}</Table.Td>
                  </>
                ) : (
                  codes.flatMap((code) => [
                    <Table.Td key={`a-${code}`} ta="right">
                      {n(actual[code])}
                    </Table.Td>,
                    <Table.Td key={`p-${code}`} ta="right">
                      {n(planned[code])}
                    </Table.Td>,
                  ])
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

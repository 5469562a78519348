// Cumulative accrual against the planned line, total or per centre, as a chart or as a table.
import { SegmentedControl, Table } from '@mantine/core';
import { useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { ChartFigure, ChartViewSwitch, useChartView } from '../../components/chart-or-table';
import { seriesColour } from '../../components/clinical/states';
import { legendFormatter, legendStyle } from '../../components/chart-legend';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { CentreName, Overview } from './types';

type Mode = 'total' | 'centre';
/** Per-centre series; empty when the trial has too many centres for the server to send them. */
type CentreSeries = Readonly<Record<string, number | null | undefined>>;

const PLANNED_DASH = '6 4';

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

function AccrualChart({
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
  const data = overview.accrual.map((p) => {
    const row: Record<string, string | number | null> = {
      month: p.month,
      total: p.total,
      planned: p.planned,
    };
    const actual: CentreSeries = p.byCentre;
    const planned: CentreSeries = p.plannedByCentre;
    for (const code of codes) {
      row[`actual_${code}`] = actual[code] ?? null;
      row[`planned_${code}`] = planned[code] ?? null;
    }
    return row;
  });
  const last = [...overview.accrual].reverse().find((p) => p.total !== null);
  const summary = t('accrualSummary', {
    included: overview.inclusion.included,
    month: last ? f.month(last.month) : '',
    target: overview.inclusion.target,
  });
  return (
    <ChartFigure summary={summary} height={340}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 24, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e9ecef" />
          <XAxis
            dataKey="month"
            tickFormatter={(m: string) => f.month(m)}
            minTickGap={24}
            tick={{ fontSize: 12 }}
          />
          <YAxis allowDecimals={false} width={44} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(m) => (typeof m === 'string' ? f.month(m) : '')}
            formatter={(value) => (typeof value === 'number' ? f.number(value, 1) : String(value ?? '–'))}
          />
          <Legend wrapperStyle={legendStyle} formatter={legendFormatter} itemSorter={null} />
          {mode === 'total' ? (
            <>
              <Line
                dataKey="total"
                name={t('actual')}
                stroke={seriesColour(0)}
                strokeWidth={2.5}
                dot={false}
                isAnimationActive={false}
              />
              <Line
                dataKey="planned"
                name={t('planned')}
                stroke="#495057"
                strokeDasharray={PLANNED_DASH}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />
            </>
          ) : (
            codes.flatMap((code, i) => [
              <Line
                key={`a-${code}`}
                dataKey={`actual_${code}`}
                name={t('actualOf', { name: centreName(code) })}
                stroke={seriesColour(i)}
                strokeWidth={2.5}
                dot={false}
                isAnimationActive={false}
              />,
              <Line
                key={`p-${code}`}
                dataKey={`planned_${code}`}
                name={t('plannedOf', { name: centreName(code) })}
                stroke={seriesColour(i)}
                strokeDasharray={PLANNED_DASH}
                strokeWidth={1.5}
                dot={false}
                isAnimationActive={false}
              />,
            ])
          )}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
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

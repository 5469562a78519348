// A Kaplan–Meier curve drawn from the server's numbers: the step function, its 95% confidence band as a
// stepped range area, censoring as vertical ticks, and the number at risk under the month ticks. Nothing
// is estimated here.
import { Area, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import { gridLines } from '../../components/chart-parts';
import { Table, VisuallyHidden } from '@mantine/core';
import { ChartFigure } from '../../components/chart-or-table';
import { ScrollTable } from '../../components/scroll-table';
import { seriesColour } from '../../components/clinical/states';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { EndpointOutcome } from './types';

interface Point {
  time: number;
  survival: number;
  band: [number, number] | null;
  censor: number | null;
}

/** The curve clipped to the plotted range, censor marks merged in, carried to the axis end. */
function plotPoints(e: EndpointOutcome, maxMonths: number): Point[] {
  const marks = new Map(e.censorMarks.map((c) => [c.time, c.survival]));
  const all = e.curve.map((p) => ({
    time: p.time,
    survival: p.survival,
    band: p.lower !== null && p.upper !== null ? ([p.lower, p.upper] as [number, number]) : null,
    censor: marks.get(p.time) ?? null,
  }));
  const shown = all.filter((p) => p.time <= maxMonths);
  const beyond = all.some((p) => p.time > maxMonths);
  const last = shown.at(-1);
  if (beyond && last && last.time < maxMonths) shown.push({ ...last, time: maxMonths, censor: null });
  return shown;
}

function CensorTick(props: { cx?: number; cy?: number; payload?: Point }) {
  if (props.payload?.censor === null || props.cx === undefined || props.cy === undefined) return <g />;
  return (
    <line
      x1={props.cx}
      x2={props.cx}
      y1={props.cy - 5}
      y2={props.cy + 5}
      stroke="#1f2933"
      strokeWidth={1.5}
    />
  );
}

/** Where the rows under the plot sit, below the axis line: month, axis title, "at risk" title, counts. */
const ROW = { month: 14, title: 32, riskTitle: 52, risk: 68 } as const;

/**
 * A month tick with the number at risk at that month drawn underneath, so each count sits exactly
 * under its tick however wide the chart is (as in a published Kaplan–Meier figure).
 */
function MonthTick(props: {
  x?: number | string;
  y?: number | string;
  index?: number;
  payload?: { value: number };
  atRisk: ReadonlyMap<number, number>;
  riskTitle: string;
}) {
  const x = Number(props.x ?? 0);
  const y = Number(props.y ?? 0);
  const month = props.payload?.value ?? 0;
  const n = props.atRisk.get(month);
  return (
    <g>
      <text
        x={x}
        y={y + ROW.month}
        textAnchor="middle"
        fontSize={12}
        fill="#495057"
        data-testid="km-month-tick"
      >
        {month}
      </text>
      {props.index === 0 ? (
        <text x={x} y={y + ROW.riskTitle} textAnchor="start" fontSize={12} fontWeight={600} fill="#1f2933">
          {props.riskTitle}
        </text>
      ) : null}
      {n === undefined ? null : (
        <text
          x={x}
          y={y + ROW.risk}
          textAnchor="middle"
          fontSize={12}
          fill="#1f2933"
          className="tabular"
          data-testid="km-at-risk-count"
        >
          {n}
        </text>
      )}
    </g>
  );
}

/** The number at risk as a table: the table view, and the chart's equivalent for screen readers. */
export function AtRiskTable({ endpoint, maxMonths }: { endpoint: EndpointOutcome; maxMonths: number }) {
  const t = useT(messages);
  const rows = endpoint.atRisk.filter((a) => a.time <= maxMonths);
  return (
    <ScrollTable>
      <Table className="tabular" withTableBorder fz="xs" data-testid={`at-risk-${endpoint.kind}`}>
        <Table.Caption>{t('atRiskCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="row">{t('months')}</Table.Th>
            {rows.map((a) => (
              <Table.Th key={a.time} ta="right">
                {a.time}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">{t('atRisk')}</Table.Th>
            {rows.map((a) => (
              <Table.Td key={a.time} ta="right">
                {a.atRisk}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function KmChart({
  endpoint,
  maxMonths,
  summary,
}: {
  endpoint: EndpointOutcome;
  maxMonths: number;
  summary: string;
}) {
  const t = useT(messages);
  const f = useFormat();
  const data = plotPoints(endpoint, maxMonths);
  const ticks = Array.from({ length: Math.floor(maxMonths / 6) + 1 }, (_, i) => i * 6);
  const colour = seriesColour(0);
  const atRisk = new Map(endpoint.atRisk.map((a) => [a.time, a.atRisk]));
  return (
    <>
      <ChartFigure summary={summary} height={380}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={data} margin={{ top: 10, right: 24, bottom: 4, left: 4 }}>
            {gridLines()}
            <XAxis
              type="number"
              dataKey="time"
              domain={[0, maxMonths]}
              ticks={ticks}
              allowDataOverflow
              height={ROW.risk + 10}
              interval={0}
              tick={<MonthTick atRisk={atRisk} riskTitle={t('atRisk')} />}
              label={{
                value: t('months'),
                position: 'insideTop',
                offset: ROW.title - 4,
                fontSize: 12,
              }}
            />
            <YAxis
              domain={[0, 1]}
              ticks={[0, 0.25, 0.5, 0.75, 1]}
              tickFormatter={(v: number) => f.percent(v, 0)}
              width={48}
              tick={{ fontSize: 12 }}
            />
            <Tooltip
              labelFormatter={(v) => `${t('months')}: ${typeof v === 'number' ? f.number(v, 1) : ''}`}
              formatter={(value, name) =>
                Array.isArray(value)
                  ? [`${f.percent(Number(value[0]), 1)} – ${f.percent(Number(value[1]), 1)}`, name]
                  : [typeof value === 'number' ? f.percent(value, 1) : '–', name]
              }
            />
            <Area
              dataKey="band"
              type="stepAfter"
              name={t('band')}
              stroke="none"
              fill={colour}
              fillOpacity={0.18}
              isAnimationActive={false}
              connectNulls
            />
            <Line
              dataKey="survival"
              type="stepAfter"
              name={t('estimate')}
              stroke={colour}
              strokeWidth={2.2}
              dot={false}
              isAnimationActive={false}
            />
            <Scatter
              dataKey="censor"
              name={t('censored')}
              shape={<CensorTick />}
              isAnimationActive={false}
              legendType="none"
            />
          </ComposedChart>
        </ResponsiveContainer>
      </ChartFigure>
      {/* The counts under the ticks, readable for screen readers, which skip the chart itself. */}
      <VisuallyHidden>
        <AtRiskTable endpoint={endpoint} maxMonths={maxMonths} />
      </VisuallyHidden>
    </>
  );
}

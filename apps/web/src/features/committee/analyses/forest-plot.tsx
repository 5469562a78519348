// Hazard ratios by centre as a forest plot (log scale, a line at 1) or as a table: the Cox fit arrives
// computed from the server; this file only places each interval on the axis.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { ChartFigure, ChartViewSwitch, useChartView } from '../../../components/chart-or-table';
import { ScrollTable } from '../../../components/scroll-table';
import { useFormat, useT } from '../../../i18n/i18n-context';
import type { EndpointOutcome } from '../types';
import { messages } from './messages';

type Fit = NonNullable<EndpointOutcome['centreHazardRatios']>;

const ROW_HEIGHT = 34;
const LABEL_WIDTH = 150;
const WIDTH = 640;

/** A log axis from the widest finite limit, always including 1, in powers of 2. */
function axisRange(fit: Fit): [number, number] {
  const values = fit.terms.flatMap((t) =>
    [t.lower, t.upper, t.hazardRatio].filter((v): v is number => v !== null && v > 0 && Number.isFinite(v)),
  );
  const lo = Math.min(0.5, ...values);
  const hi = Math.max(2, ...values);
  return [2 ** Math.floor(Math.log2(lo)), 2 ** Math.ceil(Math.log2(hi))];
}

function ForestChart({ fit, centreName }: { fit: Fit; centreName: (c: string) => string }) {
  const t = useT(messages);
  const f = useFormat();
  const [min, max] = axisRange(fit);
  const plotWidth = WIDTH - LABEL_WIDTH - 20;
  const x = (v: number) =>
    LABEL_WIDTH +
    ((Math.log(Math.min(Math.max(v, min), max)) - Math.log(min)) / Math.log(max / min)) * plotWidth;
  const rows = [
    { centre: fit.reference.centre, ref: true },
    ...fit.terms.map((r) => ({ centre: r.centre, ref: false })),
  ];
  const height = rows.length * ROW_HEIGHT + 40;
  const ticks: number[] = [];
  for (let v = min; v <= max * 1.0001; v *= 2) ticks.push(v);
  return (
    <ChartFigure
      summary={t('forestSummary', { reference: centreName(fit.reference.centre) })}
      height={height}
    >
      <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" height={height} data-testid="forest-plot">
        <line x1={x(1)} x2={x(1)} y1={4} y2={height - 30} stroke="#868e96" strokeDasharray="4 3" />
        {rows.map((row, i) => {
          const y = 20 + i * ROW_HEIGHT;
          const term = fit.terms.find((r) => r.centre === row.centre);
          const drawn =
            term &&
            term.hazardRatio !== null &&
            !term.mayBeInfinite &&
            term.lower !== null &&
            term.upper !== null;
          return (
            <g key={row.centre}>
              <text x={0} y={y + 4} fontSize={12} fill="#1f2933">
                {centreName(row.centre)}
                {row.ref ? ` (${t('reference')})` : ''}
              </text>
              {row.ref ? (
                <rect x={x(1) - 5} y={y - 5} width={10} height={10} fill="#495057" />
              ) : drawn ? (
                <>
                  <line
                    x1={x(term.lower ?? 1)}
                    x2={x(term.upper ?? 1)}
                    y1={y}
                    y2={y}
                    stroke="#1c7ed6"
                    strokeWidth={2}
                  />
                  <rect x={x(term.hazardRatio ?? 1) - 5} y={y - 5} width={10} height={10} fill="#1c7ed6" />
                </>
              ) : (
                <text x={x(1) + 8} y={y + 4} fontSize={11} fill="#495057">
                  {t('infinite')}
                </text>
              )}
            </g>
          );
        })}
        <line
          x1={LABEL_WIDTH}
          x2={LABEL_WIDTH + plotWidth}
          y1={height - 30}
          y2={height - 30}
          stroke="#495057"
        />
        {ticks.map((v) => (
          <text key={v} x={x(v)} y={height - 14} fontSize={11} textAnchor="middle" fill="#495057">
            {f.number(v, v < 1 ? 2 : 0)}
          </text>
        ))}
      </svg>
    </ChartFigure>
  );
}

function ForestTable({ fit, centreName }: { fit: Fit; centreName: (c: string) => string }) {
  const t = useT(messages);
  const f = useFormat();
  const num = (v: number | null) => (v === null ? '–' : f.number(v, 2));
  return (
    <ScrollTable>
      <Table className="tabular" fz="sm" maw={720} data-testid="forest-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('centre')}</Table.Th>
            <Table.Th ta="right">{t('analysed')}</Table.Th>
            <Table.Th ta="right">{t('events')}</Table.Th>
            <Table.Th ta="right">{t('hazardRatio')}</Table.Th>
            <Table.Th ta="right">{t('ci')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          <Table.Tr>
            <Table.Td>{centreName(fit.reference.centre)}</Table.Td>
            <Table.Td ta="right">{fit.reference.analysed}</Table.Td>
            <Table.Td ta="right">{fit.reference.events}</Table.Td>
            <Table.Td ta="right">1 ({t('reference')})</Table.Td>
            <Table.Td ta="right">–</Table.Td>
          </Table.Tr>
          {fit.terms.map((r) => (
            <Table.Tr key={r.centre}>
              <Table.Td>{centreName(r.centre)}</Table.Td>
              <Table.Td ta="right">{r.analysed}</Table.Td>
              <Table.Td ta="right">{r.events}</Table.Td>
              <Table.Td ta="right">{r.mayBeInfinite ? t('infinite') : num(r.hazardRatio)}</Table.Td>
              <Table.Td ta="right">
                {r.mayBeInfinite || r.lower === null || r.upper === null
                  ? '–'
                  : `${num(r.lower)} – ${num(r.upper)}`}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function CentreForest({
  endpoint,
  centreName,
}: {
  endpoint: EndpointOutcome;
  centreName: (c: string) => string;
}) {
  const t = useT(messages);
  const f = useFormat();
  const [view, setView] = useChartView();
  const fit = endpoint.centreHazardRatios;
  return (
    <Stack gap={6} data-testid={`forest-${endpoint.kind}`}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Text fw={600}>{t('forestTitle')}</Text>
          <Badge color="orange" variant="light">
            {t('exploratory')}
          </Badge>
        </Group>
        {fit ? <ChartViewSwitch value={view} onChange={setView} label={t('forestTitle')} /> : null}
      </Group>
      {fit ? (
        <>
          <Text size="xs" c="dimmed">
            {t('forestHint', {
              reference: centreName(fit.reference.centre),
              n: fit.reference.analysed,
              events: fit.reference.events,
            })}
          </Text>
          {view === 'chart' ? (
            <ForestChart fit={fit} centreName={centreName} />
          ) : (
            <ForestTable fit={fit} centreName={centreName} />
          )}
          <Text size="sm">
            {t('forestTest', {
              chi: f.number(fit.likelihoodRatio.chiSquare, 2),
              df: fit.likelihoodRatio.df,
              p: f.number(fit.likelihoodRatio.pValue, 3),
            })}
          </Text>
        </>
      ) : (
        <Text size="sm">{t('forestNone')}</Text>
      )}
    </Stack>
  );
}

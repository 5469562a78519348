// The swimmer plot: one bar per participant from inclusion to last follow-up, with markers for surgery,
// HAIP cycles, the first recurrence, death and censoring; an SVG with its legend, readable at 390 px by
// scrolling sideways inside its own box, and a table of the same numbers. Every number comes from the API
// (build-swimmers.ts).
import { Box, Group, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { ChartFigure, ChartViewSwitch, useChartView } from '../../../components/chart-or-table';
import { ScrollTable } from '../../../components/scroll-table';
import { Section } from '../../../components/section';
import { useFormat, useT } from '../../../i18n/i18n-context';
import type { Outcomes } from '../types';
import { messages } from './messages';

type Swimmer = Outcomes['swimmers'][number];

const ROW = 12;
const LEFT = 96;
const WIDTH = 760;
const TOP = 8;
const AXIS = 34;
const COLOURS = {
  bar: '#9fb9d4',
  surgery: '#000000',
  cycle: '#0072B2',
  recurrence: '#E69F00',
  death: '#D55E00',
};

function Legend() {
  const t = useT(messages);
  const item = (mark: ReactNode, label: string) => (
    <Group gap={4} wrap="nowrap">
      <svg width={14} height={12} aria-hidden="true">
        {mark}
      </svg>
      <Text size="xs">{label}</Text>
    </Group>
  );
  return (
    <Group gap="md" data-testid="swimmer-legend">
      {item(<rect x={3} y={3} width={8} height={8} fill={COLOURS.surgery} />, t('surgery'))}
      {item(<line x1={7} x2={7} y1={1} y2={11} stroke={COLOURS.cycle} strokeWidth={2} />, t('cycle'))}
      {item(<polygon points="7,1 13,11 1,11" fill={COLOURS.recurrence} />, t('recurrence'))}
      {item(<circle cx={7} cy={6} r={5} fill={COLOURS.death} />, t('death'))}
      {item(<polygon points="2,2 12,6 2,10" fill="none" stroke="#495057" strokeWidth={1.5} />, t('censored'))}
    </Group>
  );
}

function Plot({ swimmers }: { swimmers: readonly Swimmer[] }) {
  const t = useT(messages);
  const max = Math.max(6, ...swimmers.map((s) => s.end));
  const span = Math.ceil(max / 6) * 6;
  const x = (m: number) => LEFT + (Math.max(0, m) / span) * (WIDTH - LEFT - 12);
  const height = TOP + swimmers.length * ROW + AXIS;
  const ticks = Array.from({ length: span / 6 + 1 }, (_, i) => i * 6);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} data-testid="swimmer-plot">
      {ticks.map((m) => (
        <g key={m}>
          <line x1={x(m)} x2={x(m)} y1={TOP} y2={height - AXIS} stroke="#e9ecef" />
          <text x={x(m)} y={height - AXIS + 14} fontSize={10} textAnchor="middle" fill="#495057">
            {m}
          </text>
        </g>
      ))}
      <text x={(LEFT + WIDTH) / 2} y={height - 4} fontSize={11} textAnchor="middle" fill="#212529">
        {t('axis')}
      </text>
      {swimmers.map((s, i) => {
        const cy = TOP + i * ROW + ROW / 2;
        return (
          <g key={s.row}>
            <text x={LEFT - 6} y={cy + 3.5} fontSize={9} textAnchor="end" fill="#212529">
              #{s.row}
            </text>
            <rect x={x(0)} y={cy - 3} width={Math.max(1, x(s.end) - x(0))} height={6} fill={COLOURS.bar} />
            {s.cycles.map((c, k) => (
              <line
                key={k}
                x1={x(c)}
                x2={x(c)}
                y1={cy - 4}
                y2={cy + 4}
                stroke={COLOURS.cycle}
                strokeWidth={1.5}
              />
            ))}
            {s.surgery !== null ? (
              <rect x={x(s.surgery) - 3} y={cy - 3} width={6} height={6} fill={COLOURS.surgery} />
            ) : null}
            {s.recurrence ? (
              <polygon
                points={`${x(s.recurrence.months)},${cy - 5} ${x(s.recurrence.months) + 5},${cy + 4} ${x(s.recurrence.months) - 5},${cy + 4}`}
                fill={COLOURS.recurrence}
              />
            ) : null}
            {s.ending === 'death' ? (
              <circle cx={x(s.end)} cy={cy} r={4} fill={COLOURS.death} />
            ) : (
              <polygon
                points={`${x(s.end)},${cy - 4} ${x(s.end) + 8},${cy} ${x(s.end)},${cy + 4}`}
                fill="none"
                stroke="#495057"
                strokeWidth={1.2}
              />
            )}
          </g>
        );
      })}
    </svg>
  );
}

function SwimmerTable({ swimmers }: { swimmers: readonly Swimmer[] }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table className="tabular" fz="sm" verticalSpacing={2} data-testid="swimmer-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('participant')}</Table.Th>
            <Table.Th>{t('centre')}</Table.Th>
            <Table.Th ta="right">{t('followUp')}</Table.Th>
            <Table.Th ta="right">{t('surgeryAt')}</Table.Th>
            <Table.Th ta="right">{t('cycles')}</Table.Th>
            <Table.Th ta="right">{t('recurrenceAt')}</Table.Th>
            <Table.Th>{t('ending')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {swimmers.map((s) => (
            <Table.Tr key={s.row}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>#{s.row}</Table.Td>
              <Table.Td>{s.centre}</Table.Td>
              <Table.Td ta="right">{f.number(s.end, 1)}</Table.Td>
              <Table.Td ta="right">{s.surgery === null ? t('none') : f.number(s.surgery, 1)}</Table.Td>
              <Table.Td ta="right">{s.cycles.length}</Table.Td>
              <Table.Td ta="right">{s.recurrence ? f.number(s.recurrence.months, 1) : t('none')}</Table.Td>
              <Table.Td>{t(`e_${s.ending}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function SwimmerSection({ swimmers }: { swimmers: readonly Swimmer[] }) {
  const t = useT(messages);
  const [view, setView] = useChartView();
  const summary = t('summary', {
    n: swimmers.length,
    deaths: swimmers.filter((s) => s.ending === 'death').length,
    recurrences: swimmers.filter((s) => s.recurrence !== null).length,
    months: Math.round(Math.max(0, ...swimmers.map((s) => s.end))),
  });
  return (
    <Section
      title={t('title')}
      description={t('hint')}
      actions={<ChartViewSwitch value={view} onChange={setView} label={t('title')} />}
    >
      <div data-testid="swimmer">
        <Text size="sm" mb="xs">
          {summary}
        </Text>
        {view === 'chart' ? (
          <>
            <Legend />
            {/* The plot keeps its width; at 390 px its box scrolls sideways rather than squeezing the rows. */}
            <Box mt="xs" style={{ overflowX: 'auto' }} tabIndex={0} aria-label={t('title')}>
              <ChartFigure summary={summary} height={TOP + swimmers.length * ROW + AXIS}>
                <Plot swimmers={swimmers} />
              </ChartFigure>
            </Box>
          </>
        ) : (
          <SwimmerTable swimmers={swimmers} />
        )}
      </div>
    </Section>
  );
}

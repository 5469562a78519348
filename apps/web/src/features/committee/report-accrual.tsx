// The report's accrual section: cumulative inclusions against the plan and, while recruiting, the
// projection (predictive median and 95% interval of the date the target is reached, from the API) drawn
// on the same chart, with the recruitment window its rate comes from; then enrolment per centre.
import { Table, Text } from '@mantine/core';
import { Legend, LineChart, ResponsiveContainer, YAxis } from 'recharts';
import { ChartFigure } from '../../components/chart-or-table';
import { gridLines, monthAxis, seriesLine } from '../../components/chart-parts';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { Report } from './types';

/** The projection's colour (Okabe–Ito vermillion), distinct from the observed blue for colour-blind readers. */
const PROJECTED = '#D55E00';

/** While recruiting: when the target is likely reached, and the recruitment window the rate comes from. */
function ProjectionLine({ a }: { a: Report['accrual'] }) {
  const t = useT(messages);
  const f = useFormat();
  const p = a.projection;
  if (!p) return null;
  const w = p.rateWindow;
  return (
    <Text size="sm" data-testid="accrual-projection">
      {p.predictive
        ? t('projectionLine', {
            median: f.date(p.predictive.medianDate),
            lower: f.date(p.predictive.lowerDate),
            upper: f.date(p.predictive.upperDate),
            rate: f.number(p.ratePerMonth, 1),
            arrivals: w.arrivals,
            days: w.days,
            from: f.date(w.from),
            to: f.date(w.to),
          })
        : t('projectionNone', { days: w.days, from: f.date(w.from), to: f.date(w.to) })}
    </Text>
  );
}

export function Accrual({ r }: { r: Report }) {
  const t = useT(messages);
  const f = useFormat();
  const a = r.accrual;
  const line = t('accrualLine', {
    included: a.included,
    target: a.target,
    percent: a.percent,
    first: f.date(a.firstInclusion),
    last: f.date(a.lastInclusion),
  });
  const projected = a.projection?.predictive;
  return (
    <Section title={t('accrualTitle')}>
      <Text size="sm">{line}</Text>
      <ProjectionLine a={a} />
      <ChartFigure summary={line} height={projected ? 280 : 220}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={a.points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            {gridLines()}
            {monthAxis(f.month, 11)}
            <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} />
            {seriesLine({ dataKey: 'total', name: t('cumulative'), stroke: '#0072B2', width: 2 })}
            {seriesLine({ dataKey: 'planned', name: t('planned'), stroke: '#495057', dash: '6 4' })}
            {/* An array rather than a fragment: recharts reads its series from its direct children. */}
            {projected
              ? [
                  seriesLine({
                    dataKey: 'projected',
                    name: t('projectedMedian'),
                    stroke: PROJECTED,
                    width: 2,
                  }),
                  seriesLine({
                    dataKey: 'projectedEarliest',
                    name: t('projectedEarliest'),
                    stroke: PROJECTED,
                    dash: '2 3',
                  }),
                  seriesLine({
                    dataKey: 'projectedLatest',
                    name: t('projectedLatest'),
                    stroke: PROJECTED,
                    dash: '2 3',
                  }),
                  <Legend key="legend" wrapperStyle={{ fontSize: 12 }} />,
                ]
              : null}
          </LineChart>
        </ResponsiveContainer>
      </ChartFigure>
      <ScrollTable>
        <Table fz="sm" className="tabular" captionSide="top">
          <Table.Caption>{t('enrolmentTitle')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('centre')}</Table.Th>
              <Table.Th ta="right">{t('target')}</Table.Th>
              <Table.Th ta="right">{t('cumulative')}</Table.Th>
              <Table.Th ta="right">{t('firstInclusion')}</Table.Th>
              <Table.Th ta="right">{t('lastInclusion')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {r.centres.map((c) => (
              <Table.Tr key={c.code}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td ta="right">{c.target}</Table.Td>
                <Table.Td ta="right">{c.included}</Table.Td>
                <Table.Td ta="right">{f.date(c.firstInclusion)}</Table.Td>
                <Table.Td ta="right">{f.date(c.lastInclusion)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

// The report's accrual section: cumulative inclusions against the plan and, while recruiting, the
// projection (predictive median and 95% interval of the date the target is reached, from the API) drawn
// on the same chart, with the recruitment window its rate comes from; then enrolment per centre.
import { Table, Text } from '@mantine/core';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { ChartFigure } from '../../components/chart-or-table';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import type { Report } from './types';

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
  return (
    <Section title={t('accrualTitle')}>
      <Text size="sm">
        {t('accrualLine', {
          included: a.included,
          target: a.target,
          percent: a.percent,
          first: f.date(a.firstInclusion),
          last: f.date(a.lastInclusion),
        })}
      </Text>
      <ProjectionLine a={a} />
      <ChartFigure
        summary={t('accrualLine', {
          included: a.included,
          target: a.target,
          percent: a.percent,
          first: f.date(a.firstInclusion),
          last: f.date(a.lastInclusion),
        })}
        height={a.projection?.predictive ? 280 : 220}
      >
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={a.points} margin={{ top: 8, right: 16, bottom: 4, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e9ecef" />
            <XAxis
              dataKey="month"
              tickFormatter={(m: string) => f.month(m)}
              minTickGap={24}
              tick={{ fontSize: 11 }}
            />
            <YAxis allowDecimals={false} width={36} tick={{ fontSize: 11 }} />
            <Line
              dataKey="total"
              name={t('cumulative')}
              stroke="#0072B2"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
            />
            <Line
              dataKey="planned"
              name={t('planned')}
              stroke="#495057"
              strokeDasharray="6 4"
              dot={false}
              isAnimationActive={false}
            />
            {/* An array rather than a fragment: recharts reads its series from its direct children. */}
            {a.projection?.predictive
              ? [
                  <Line
                    key="projected"
                    dataKey="projected"
                    name={t('projectedMedian')}
                    stroke="#D55E00"
                    strokeWidth={2}
                    dot={false}
                    isAnimationActive={false}
                  />,
                  <Line
                    key="earliest"
                    dataKey="projectedEarliest"
                    name={t('projectedEarliest')}
                    stroke="#D55E00"
                    strokeDasharray="2 3"
                    dot={false}
                    isAnimationActive={false}
                  />,
                  <Line
                    key="latest"
                    dataKey="projectedLatest"
                    name={t('projectedLatest')}
                    stroke="#D55E00"
                    strokeDasharray="2 3"
                    dot={false}
                    isAnimationActive={false}
                  />,
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

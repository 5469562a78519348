// The overview's charts, in their own chunk: Recharts is large, and the figures, tables and headings of
// the page should not wait for it. Each section loads its chart lazily (./lazy-charts) and shows the
// same numbers as a table on request; a chart never computes anything.
import { Stack, Text, Title } from '@mantine/core';
import {
  Bar,
  BarChart,
  Legend,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  YAxis,
} from 'recharts';
import { milestoneNames } from '@trialdesk/domain';
import { ChartFigure } from '../../components/chart-or-table';
import { countBarAxes, gridLines, monthAxis, seriesLine } from '../../components/chart-parts';
import { clinical } from '../../components/clinical/messages';
import { seriesColour, stateStyles } from '../../components/clinical/states';
import { legendFormatter, legendStyle } from '../../components/chart-legend';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { niceTicks } from '../../lib/chart-scale';
import {
  assessmentOrder,
  PLANNED_DASH,
  shownBuckets,
  useBucketLabel,
  useEndsSeries,
  type CentreSeries,
  type Mode,
} from './chart-data';
import { messages } from './messages';
import type { CentreName, Overview } from './types';

export function AccrualChart({
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
          {gridLines()}
          {monthAxis(f.month)}
          <YAxis allowDecimals={false} width={44} tick={{ fontSize: 12 }} />
          <Tooltip
            labelFormatter={(m) => (typeof m === 'string' ? f.month(m) : '')}
            formatter={(value) => (typeof value === 'number' ? f.number(value, 1) : String(value ?? '–'))}
          />
          <Legend wrapperStyle={legendStyle} formatter={legendFormatter} itemSorter={null} />
          {mode === 'total'
            ? [
                seriesLine({ dataKey: 'total', name: t('actual'), stroke: seriesColour(0), width: 2.5 }),
                seriesLine({
                  dataKey: 'planned',
                  name: t('planned'),
                  stroke: '#495057',
                  dash: PLANNED_DASH,
                  width: 1.5,
                }),
              ]
            : codes.flatMap((code, i) => [
                seriesLine({
                  dataKey: `actual_${code}`,
                  name: t('actualOf', { name: centreName(code) }),
                  stroke: seriesColour(i),
                  width: 2.5,
                }),
                seriesLine({
                  dataKey: `planned_${code}`,
                  name: t('plannedOf', { name: centreName(code) }),
                  stroke: seriesColour(i),
                  dash: PLANNED_DASH,
                  width: 1.5,
                }),
              ])}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function FollowUpEndsChart({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const f = useFormat();
  const data = useEndsSeries(overview);
  const { lang } = useLang();
  const lplv = overview.milestones.find((m) => m.key === 'lastPatientLastVisit');
  const years = overview.trial.followUpYears;
  const first = data[0]?.month;
  const last = data.at(-1)?.month;
  const total = overview.followUpEnds.reduce((n, e) => n + e.count, 0);
  const asOfMonth = overview.asOf.slice(0, 7);
  return (
    <Stack gap="xs">
      <Title order={3} size="h5">
        {t('endsTitle')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('endsDescription', { years })}
      </Text>
      {first && last ? (
        <ChartFigure
          summary={t('endsSummary', { count: total, first: f.month(first), last: f.month(last) })}
          height={280}
        >
          <ResponsiveContainer width="100%" height="100%">
            <BarChart data={data} margin={{ top: 40, right: 16, bottom: 4, left: 0 }}>
              {gridLines('horizontal')}
              {monthAxis(f.month, 12, 16)}
              <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12 }} />
              <Tooltip labelFormatter={(m) => (typeof m === 'string' ? f.month(m) : '')} />
              <Legend wrapperStyle={legendStyle} formatter={legendFormatter} itemSorter={null} />
              <Bar
                dataKey="reached"
                name={t('basis_actual')}
                stackId="ends"
                fill="#0c8599"
                isAnimationActive={false}
              />
              <Bar
                dataKey="ahead"
                name={t('basis_projected')}
                stackId="ends"
                fill="#b197fc"
                stroke="#6741d9"
                strokeDasharray="3 2"
                isAnimationActive={false}
              />
              {asOfMonth >= first && asOfMonth <= last ? (
                <ReferenceLine
                  x={asOfMonth}
                  stroke="#495057"
                  strokeDasharray="2 2"
                  label={{ value: f.date(overview.asOf), position: 'top', fontSize: 11 }}
                />
              ) : null}
              {lplv?.date ? (
                // Named under the chart, not on it: a label on the line was cut off at 390 px.
                <ReferenceLine x={lplv.date.slice(0, 7)} stroke="#6741d9" strokeWidth={2} />
              ) : null}
            </BarChart>
          </ResponsiveContainer>
        </ChartFigure>
      ) : (
        <Text size="sm">{t('endsEmpty')}</Text>
      )}
      {first && last && lplv?.date ? (
        <Text size="sm" data-testid="lplv-line">
          <span aria-hidden style={{ color: '#6741d9', fontWeight: 700 }}>
            │{' '}
          </span>
          {t('lplvLine', {
            name: milestoneNames.lastPatientLastVisit[lang],
            date: f.date(lplv.date),
            basis: t(`basis_${lplv.basis}`).toLowerCase(),
          })}
        </Text>
      ) : null}
    </Stack>
  );
}

export function PhasesChart({ overview, centreName }: { overview: Overview; centreName: CentreName }) {
  const t = useT(messages);
  const bucketLabel = useBucketLabel();
  const data = shownBuckets(overview).map((bucket) => {
    const row: Record<string, string | number> = { bucket: bucketLabel(bucket) };
    for (const c of overview.followUp.byCentre) row[c.centre] = c.buckets[bucket] ?? 0;
    return row;
  });
  const ticks = niceTicks(Math.max(0, ...shownBuckets(overview).map((b) => overview.followUp.total[b] ?? 0)));
  return (
    <ChartFigure summary={t('phasesSummary')} height={320}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          {countBarAxes(ticks, 'bucket', 140)}
          <Tooltip />
          <Legend wrapperStyle={legendStyle} formatter={legendFormatter} itemSorter={null} />
          {overview.followUp.byCentre.map((c, i) => (
            <Bar
              key={c.centre}
              dataKey={c.centre}
              name={centreName(c.centre)}
              stackId="phase"
              fill={seriesColour(i)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

export function AssessmentsChart({ overview, centreName }: { overview: Overview; centreName: CentreName }) {
  const t = useT(messages);
  const tk = useT(clinical);
  const data = overview.assessments.byCentre.map((c) => {
    const row: Record<string, string | number> = { centre: centreName(c.centre) };
    for (const s of assessmentOrder) row[s] = c.states[s] ?? 0;
    return row;
  });
  const ticks = niceTicks(
    Math.max(
      0,
      ...overview.assessments.byCentre.map((c) =>
        assessmentOrder.reduce((n, s) => n + (c.states[s] ?? 0), 0),
      ),
    ),
  );
  return (
    <ChartFigure summary={t('assessmentsSummary')} height={320}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 8 }}>
          {countBarAxes(ticks, 'centre', 150)}
          <Tooltip />
          <Legend wrapperStyle={legendStyle} formatter={legendFormatter} itemSorter={null} />
          {assessmentOrder.map((s) => (
            <Bar
              key={s}
              dataKey={s}
              name={tk(stateStyles[s].label)}
              stackId="state"
              fill={stateStyles[s].chart}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

// The hDFS events by type and the cumulative incidence of hepatic recurrence with death as a competing
// risk, as step curves or as tables. The incidence and its standard errors arrive computed (Aalen–Johansen
// on the server); nothing is estimated here.
import { Stack, Table, Text } from '@mantine/core';
import { Legend, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { gridLines, seriesLine } from '../../../components/chart-parts';
import { ChartFigure, ChartViewSwitch, useChartView } from '../../../components/chart-or-table';
import { ScrollTable } from '../../../components/scroll-table';
import { Section } from '../../../components/section';
import { useFormat, useT } from '../../../i18n/i18n-context';
import type { Outcomes } from '../types';
import { messages } from './messages';

type CompetingRisks = NonNullable<Outcomes['competingRisks']>;

function EventsByType({ cr, deathIsEvent }: { cr: CompetingRisks; deathIsEvent: boolean }) {
  const t = useT(messages);
  return (
    <Table className="tabular" fz="sm" maw={560} captionSide="top" data-testid="hdfs-events-by-type">
      <Table.Caption>{t('crEvents')}</Table.Caption>
      <Table.Tbody>
        <Table.Tr>
          <Table.Td>{t('crRecurrence')}</Table.Td>
          <Table.Td ta="right">{cr.hdfsEvents.hepaticRecurrence}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{deathIsEvent ? t('crDeath') : t('crDeathNotEvent')}</Table.Td>
          <Table.Td ta="right">{cr.competingDeaths}</Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td fw={600}>{t('crTotal')}</Table.Td>
          <Table.Td ta="right" fw={600}>
            {cr.hdfsEvents.total}
          </Table.Td>
        </Table.Tr>
        <Table.Tr>
          <Table.Td>{t('crCensored')}</Table.Td>
          <Table.Td ta="right">{cr.censored}</Table.Td>
        </Table.Tr>
      </Table.Tbody>
    </Table>
  );
}

function IncidenceChart({ cr, maxMonths }: { cr: CompetingRisks; maxMonths: number }) {
  const t = useT(messages);
  const f = useFormat();
  const points = cr.curve.filter((p) => p.time <= maxMonths);
  return (
    <ChartFigure summary={t('crSummary', { max: maxMonths })} height={300}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          {gridLines()}
          <XAxis
            dataKey="time"
            type="number"
            domain={[0, maxMonths]}
            ticks={Array.from({ length: Math.floor(maxMonths / 6) + 1 }, (_, i) => i * 6)}
          />
          <YAxis domain={[0, 1]} tickFormatter={(v: number) => f.percent(v, 0)} width={48} />
          <Tooltip formatter={(v) => (typeof v === 'number' ? f.percent(v, 1) : String(v))} />
          <Legend />
          {seriesLine({ dataKey: 'recurrence', name: t('crRecurrence'), stroke: '#1c7ed6', step: true })}
          {seriesLine({ dataKey: 'death', name: t('crDeath'), stroke: '#c92a2a', dash: '6 3', step: true })}
        </LineChart>
      </ResponsiveContainer>
    </ChartFigure>
  );
}

function IncidenceTable({ cr }: { cr: CompetingRisks }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <ScrollTable maxHeight={360}>
      <Table striped stickyHeader className="tabular" fz="sm" data-testid="incidence-table">
        <Table.Caption>{t('crTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('time')}</Table.Th>
            <Table.Th ta="right">{t('atRisk')}</Table.Th>
            <Table.Th ta="right">{t('crRecurrence')}</Table.Th>
            <Table.Th ta="right">{t('crStdErr')}</Table.Th>
            <Table.Th ta="right">{t('crDeath')}</Table.Th>
            <Table.Th ta="right">{t('crStdErr')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cr.curve.map((p, i) => (
            <Table.Tr key={`${p.time}-${i}`}>
              <Table.Td ta="right">{f.number(p.time, 2)}</Table.Td>
              <Table.Td ta="right">{p.atRisk}</Table.Td>
              <Table.Td ta="right">{f.percent(p.recurrence, 1)}</Table.Td>
              <Table.Td ta="right">{f.number(p.recurrenceStdErr, 3)}</Table.Td>
              <Table.Td ta="right">{f.percent(p.death, 1)}</Table.Td>
              <Table.Td ta="right">{f.number(p.deathStdErr, 3)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Landmarks of both curves, each with its number at risk and a caution where fewer than 10 remain. */
export function IncidenceLandmarks({ cr, minAtRisk }: { cr: CompetingRisks; minAtRisk: number }) {
  const t = useT(messages);
  const f = useFormat();
  const pct = (v: number | null) => (v === null ? t('notEstimable') : f.percent(v, 1));
  return (
    <Stack gap={2}>
      <ScrollTable>
        <Table className="tabular" fz="sm" maw={720} captionSide="top" data-testid="incidence-landmarks">
          <Table.Caption>{t('crLandmarks')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('landmark')}</Table.Th>
              <Table.Th ta="right">{t('crRecurrence')}</Table.Th>
              <Table.Th ta="right">{t('crDeath')}</Table.Th>
              <Table.Th ta="right">{t('atRisk')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {cr.landmarks.map((l) => (
              <Table.Tr key={l.months}>
                <Table.Td>{t('years', { n: l.months / 12 })}</Table.Td>
                <Table.Td ta="right">{pct(l.recurrence)}</Table.Td>
                <Table.Td ta="right">{pct(l.death)}</Table.Td>
                <Table.Td ta="right">
                  {l.atRisk}
                  {l.fewAtRisk ? ` ${t('fewAtRiskMark')}` : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      {cr.landmarks.some((l) => l.fewAtRisk) ? (
        <Text size="xs" c="orange.9">
          {t('fewAtRiskMark')} {t('fewAtRisk', { min: minAtRisk })}
        </Text>
      ) : null}
    </Stack>
  );
}

/** For the report: the events by type and the landmarks, without the curve. */
export function CompetingRisksSummary({
  cr,
  deathIsEvent,
  minAtRisk,
}: {
  cr: CompetingRisks;
  deathIsEvent: boolean;
  minAtRisk: number;
}) {
  const t = useT(messages);
  return (
    <Stack gap="xs" data-testid="competing-risks-summary">
      <Text fw={600}>{t('crTitle')}</Text>
      <EventsByType cr={cr} deathIsEvent={deathIsEvent} />
      <IncidenceLandmarks cr={cr} minAtRisk={minAtRisk} />
    </Stack>
  );
}

export function CompetingRisksSection({
  cr,
  deathIsEvent,
  maxMonths,
  minAtRisk,
}: {
  cr: CompetingRisks;
  deathIsEvent: boolean;
  maxMonths: number;
  minAtRisk: number;
}) {
  const t = useT(messages);
  const [view, setView] = useChartView();
  return (
    <Section
      title={t('crTitle')}
      description={t('crHint')}
      actions={<ChartViewSwitch value={view} onChange={setView} label={t('crTitle')} />}
    >
      <div data-testid="competing-risks">
        <Stack gap="md">
          <EventsByType cr={cr} deathIsEvent={deathIsEvent} />
          {view === 'chart' ? <IncidenceChart cr={cr} maxMonths={maxMonths} /> : <IncidenceTable cr={cr} />}
          <IncidenceLandmarks cr={cr} minAtRisk={minAtRisk} />
        </Stack>
      </div>
    </Section>
  );
}

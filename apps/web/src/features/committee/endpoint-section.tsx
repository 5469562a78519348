// One endpoint: the curve with the number at risk under its ticks (or both as tables), the median and
// landmark estimates, and the exploratory log-rank comparison by centre.
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { ChartViewSwitch, useChartView } from '../../components/chart-or-table';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { CentreForest } from './analyses/forest-plot';
import { FewAtRiskNote, TargetLine } from './analyses/summary-lines';
import { AtRiskTable, KmChart } from './km-chart';
import { messages } from './messages';
import type { EndpointOutcome } from './types';

export function useOutcomeFormat() {
  const t = useT(messages);
  const f = useFormat();
  return {
    months: (v: number | null) =>
      // Rounded to one decimal as a number: the plural rules then see what is shown ("1 month", "1.5 months").
      v === null ? t('notReached') : t('monthsValue', { value: Math.round(v * 10) / 10 }),
    num: (v: number | null) => (v === null ? t('notReached') : f.number(v, 1)),
    pct: (v: number | null) => (v === null ? '–' : f.percent(v, 1)),
  };
}

function CurveTable({ endpoint }: { endpoint: EndpointOutcome }) {
  const t = useT(messages);
  const f = useFormat();
  const fmt = useOutcomeFormat();
  const marks = new Map(endpoint.censorMarks.map((c) => [c.time, c.count]));
  return (
    <ScrollTable maxHeight={360}>
      <Table striped stickyHeader className="tabular" fz="sm">
        <Table.Caption>{t('curveTable')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th ta="right">{t('time')}</Table.Th>
            <Table.Th ta="right">{t('survival')}</Table.Th>
            <Table.Th ta="right">{t('lower')}</Table.Th>
            <Table.Th ta="right">{t('upper')}</Table.Th>
            <Table.Th ta="right">{t('censored')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {endpoint.curve.map((p, i) => (
            <Table.Tr key={`${p.time}-${i}`}>
              <Table.Td ta="right">{f.number(p.time, 2)}</Table.Td>
              <Table.Td ta="right">{fmt.pct(p.survival)}</Table.Td>
              <Table.Td ta="right">{fmt.pct(p.lower)}</Table.Td>
              <Table.Td ta="right">{fmt.pct(p.upper)}</Table.Td>
              <Table.Td ta="right">{marks.get(p.time) ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

export function LandmarkTable({ endpoint, minAtRisk }: { endpoint: EndpointOutcome; minAtRisk: number }) {
  const t = useT(messages);
  const fmt = useOutcomeFormat();
  return (
    <>
      <ScrollTable>
        <Table
          className="tabular"
          fz="sm"
          captionSide="top"
          maw={720}
          data-testid={`landmarks-${endpoint.kind}`}
        >
          <Table.Caption>{t('landmarks')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('landmark')}</Table.Th>
              <Table.Th ta="right">{t('survival')}</Table.Th>
              <Table.Th ta="right">{t('band')}</Table.Th>
              <Table.Th ta="right">{t('atRisk')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoint.landmarks.map((l) => (
              <Table.Tr key={l.months}>
                <Table.Td>{t('years', { n: l.months / 12 })}</Table.Td>
                <Table.Td ta="right">
                  {l.survival === null ? t('notEstimable') : fmt.pct(l.survival)}
                </Table.Td>
                <Table.Td ta="right">
                  {l.lower === null || l.upper === null ? '–' : `${fmt.pct(l.lower)} – ${fmt.pct(l.upper)}`}
                </Table.Td>
                <Table.Td ta="right">
                  {l.atRisk}
                  {l.fewAtRisk ? ' †' : ''}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <FewAtRiskNote show={endpoint.landmarks.some((l) => l.fewAtRisk)} minAtRisk={minAtRisk} />
    </>
  );
}

function CentreTable({
  endpoint,
  centreName,
}: {
  endpoint: EndpointOutcome;
  centreName: (c: string) => string;
}) {
  const t = useT(messages);
  const f = useFormat();
  const fmt = useOutcomeFormat();
  const test = endpoint.byCentre.test;
  return (
    <Stack gap={4} miw={0}>
      <ScrollTable>
        <Table className="tabular" fz="sm" captionSide="top" maw={720}>
          <Table.Caption>{t('byCentre')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('centre')}</Table.Th>
              <Table.Th ta="right">{t('analysed')}</Table.Th>
              <Table.Th ta="right">{t('events')}</Table.Th>
              <Table.Th ta="right">{t('expected')}</Table.Th>
              <Table.Th ta="right">{t('median')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {endpoint.byCentre.groups.map((g) => (
              <Table.Tr key={g.centre}>
                <Table.Td>{centreName(g.centre)}</Table.Td>
                <Table.Td ta="right">{g.analysed}</Table.Td>
                <Table.Td ta="right">{g.events}</Table.Td>
                <Table.Td ta="right">{g.expected === null ? '–' : f.number(g.expected, 2)}</Table.Td>
                <Table.Td ta="right">{fmt.num(g.median)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
      <Text size="sm" data-testid={`logrank-${endpoint.kind}`}>
        {test
          ? t('logRank', { chi: f.number(test.chiSquare, 2), df: test.df, p: f.number(test.pValue, 3) })
          : t('noLogRank')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('byCentreNote')}
      </Text>
    </Stack>
  );
}

export function EndpointSection({
  endpoint,
  maxMonths,
  minAtRisk,
  centreName,
}: {
  endpoint: EndpointOutcome;
  maxMonths: number;
  minAtRisk: number;
  centreName: (c: string) => string;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const fmt = useOutcomeFormat();
  const [view, setView] = useChartView();
  const name = endpoint.name[lang];
  const m = endpoint.median;
  return (
    <Section
      title={
        <Group gap="xs">
          <span>{name}</span>
          {endpoint.primary ? <Badge variant="light">{t('primary')}</Badge> : null}
        </Group>
      }
      description={t('analysedLine', {
        analysed: endpoint.analysed,
        events: endpoint.events,
        censored: endpoint.censored,
      })}
      actions={<ChartViewSwitch value={view} onChange={setView} label={name} />}
    >
      {endpoint.kind === 'hdfs' ? (
        <Text size="sm" data-testid="death-setting">
          {t('deathSetting', { value: endpoint.deathIsEvent ? t('deathIsEvent') : t('deathCensored') })}
        </Text>
      ) : null}
      {view === 'chart' ? (
        <KmChart
          endpoint={endpoint}
          maxMonths={maxMonths}
          summary={t('curveSummary', {
            name,
            analysed: endpoint.analysed,
            events: endpoint.events,
            median: fmt.months(m.estimate),
          })}
        />
      ) : (
        <CurveTable endpoint={endpoint} />
      )}
      {view === 'table' ? <AtRiskTable endpoint={endpoint} maxMonths={maxMonths} /> : null}
      <Stack gap="lg">
        <Stack gap={4}>
          <Text fw={600} data-testid={`median-${endpoint.kind}`}>
            {t('median')}: {fmt.months(m.estimate)}
          </Text>
          <Text size="sm" c="dimmed">
            {t('ciValue', { lower: fmt.num(m.lower), upper: fmt.num(m.upper) })}
          </Text>
          <TargetLine endpoint={endpoint} />
          <LandmarkTable endpoint={endpoint} minAtRisk={minAtRisk} />
        </Stack>
        <CentreTable endpoint={endpoint} centreName={centreName} />
        <CentreForest endpoint={endpoint} centreName={centreName} />
      </Stack>
    </Section>
  );
}

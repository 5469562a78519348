// The committee report on screen, for a data cut (or live data): the same report object the PDF is drawn
// from. Print-friendly (the app's navigation is hidden in print), with the PDF as a download.
import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { milestoneNames } from '@trialdesk/domain';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/page-state';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { ConsortDiagram } from './consort-diagram';
import { CutSelector, useCutParam } from './cut-selector';
import { saveDownload } from './download';
import { CompetingRisksSummary } from './analyses/competing-risks';
import { ReportMeetings } from './meetings/report-meetings';
import { Accrual } from './report-accrual';
import { SwimmerSection } from './swimmer/swimmer-plot';
import { BaselineTable } from './baseline/baseline-table';
import { CentreForest } from './analyses/forest-plot';
import { FollowUpLine, TargetLine } from './analyses/summary-lines';
import { LandmarkTable, useOutcomeFormat } from './endpoint-section';
import { KmChart } from './km-chart';
import { messages, type CommitteeKey } from './messages';
import classes from './report.module.css';
import { ComplicationsTable, DeliveryTables, HeadlineRate } from './safety-view';
import type { Report } from './types';
import {
  ReportDeviations,
  ReportSaeCounts,
  ReportSaeListing,
} from '../safety-summary/report-safety-sections';

function ReportMeta({ r }: { r: Report }) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <Alert color={r.meta.synthetic ? 'orange' : 'gray'} variant="light" data-testid="report-meta">
      <Stack gap={2}>
        <Group gap="xs">
          {r.meta.synthetic ? <Badge color="orange">{t('synthetic')}</Badge> : null}
          <Text fw={600}>
            {r.meta.cut
              ? t('sourceCutNote', { label: r.meta.cut.label, date: f.date(r.meta.asOf) })
              : t('sourceLiveNote', { date: f.date(r.meta.asOf) })}
          </Text>
        </Group>
        <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
          {t('hash', { hash: r.meta.contentHash })}
        </Text>
      </Stack>
    </Alert>
  );
}

function MilestonesAndFollowUp({ r }: { r: Report }) {
  const t = useT(messages);
  const { lang } = useLang();
  const f = useFormat();
  const rows = [
    ...r.followUp.byCentre.map((c) => ({ label: c.centre, c })),
    { label: t('allCentres'), c: r.followUp.total },
  ];
  return (
    <>
      <Section title={t('milestonesTitle')}>
        <ScrollTable>
          <Table fz="sm" className="tabular">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('milestone')}</Table.Th>
                <Table.Th ta="right">{t('planned')}</Table.Th>
                <Table.Th ta="right">{t('actualProjected')}</Table.Th>
                <Table.Th>{t('basis')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.milestones.map((m) => (
                <Table.Tr key={m.key}>
                  <Table.Td>{milestoneNames[m.key][lang]}</Table.Td>
                  <Table.Td ta="right">{f.date(m.planned)}</Table.Td>
                  <Table.Td ta="right">{f.date(m.date)}</Table.Td>
                  <Table.Td>{t(`basis_${m.basis}` as CommitteeKey)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Section>
      <Section title={t('followUpTitle')} description={t('followUpHint')}>
        <FollowUpLine followUp={r.followUp.median} />
        <ScrollTable>
          <Table fz="sm" className="tabular" data-testid="follow-up-completeness">
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">{t('done')}</Table.Th>
                <Table.Th ta="right">{t('late')}</Table.Th>
                <Table.Th ta="right">{t('missed')}</Table.Th>
                <Table.Th ta="right">{t('overdue')}</Table.Th>
                <Table.Th ta="right">{t('dueNow')}</Table.Th>
                <Table.Th ta="right">{t('expectedN')}</Table.Th>
                <Table.Th ta="right">{t('complete')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(({ label, c }) => (
                <Table.Tr key={label}>
                  <Table.Th scope="row">{label}</Table.Th>
                  <Table.Td ta="right">{c.states.done}</Table.Td>
                  <Table.Td ta="right">{c.states.done_late}</Table.Td>
                  <Table.Td ta="right">{c.states.missed}</Table.Td>
                  <Table.Td ta="right">{c.states.overdue}</Table.Td>
                  <Table.Td ta="right">{c.states.due}</Table.Td>
                  <Table.Td ta="right">{c.expected}</Table.Td>
                  <Table.Td ta="right">{c.percent === null ? '–' : f.percent(c.percent / 100, 1)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      </Section>
    </>
  );
}

type Outcomes = NonNullable<Report['closed']>['outcomes'];

function Survival({ o }: { o: Outcomes }) {
  const t = useT(messages);
  const { lang } = useLang();
  const fmt = useOutcomeFormat();
  return (
    <>
      {o.endpoints.map((e) => (
        <Section
          key={e.kind}
          title={e.name[lang]}
          description={t('analysedLine', { analysed: e.analysed, events: e.events, censored: e.censored })}
        >
          <div className={classes.keep}>
            <KmChart
              endpoint={e}
              maxMonths={o.maxMonths}
              summary={t('curveSummary', {
                name: e.name[lang],
                analysed: e.analysed,
                events: e.events,
                median: fmt.months(e.median.estimate),
              })}
            />
          </div>
          <Text size="sm" fw={600}>
            {t('median')}: {fmt.months(e.median.estimate)} (
            {t('ciValue', { lower: fmt.num(e.median.lower), upper: fmt.num(e.median.upper) })})
          </Text>
          <TargetLine endpoint={e} />
          <LandmarkTable endpoint={e} minAtRisk={o.minAtRisk} />
          {e.kind === 'hdfs' && o.competingRisks ? (
            <CompetingRisksSummary
              cr={o.competingRisks}
              deathIsEvent={e.deathIsEvent}
              minAtRisk={o.minAtRisk}
            />
          ) : null}
          <CentreForest endpoint={e} centreName={(c) => c} />
        </Section>
      ))}
      <SwimmerSection swimmers={o.swimmers} />
    </>
  );
}

export default function ReportPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const { lang } = useLang();
  const [cutId] = useCutParam();
  const q = useQuery(trpc.committee.report.get.queryOptions({ trialId, cutId }));
  const pdf = useMutation(trpc.committee.report.pdf.mutationOptions({ onSuccess: saveDownload }));
  return (
    <div className={classes.report}>
      <PageHeader
        title={t('reportTitle', { code: q.data?.meta.code ?? '' })}
        actions={
          <Group className={classes.noPrint} align="flex-end">
            <CutSelector trialId={trialId} />
            <Button
              onClick={() => pdf.mutate({ trialId, cutId })}
              loading={pdf.isPending}
              data-testid="download-pdf"
            >
              {t('downloadPdf')}
            </Button>
            <Button variant="default" onClick={() => window.print()}>
              {t('print')}
            </Button>
          </Group>
        }
      />
      {pdf.isError ? (
        <Alert color="red" role="alert">
          {describeError(pdf.error, lang)}
        </Alert>
      ) : null}
      <QueryView query={q}>
        {(data) => (
          <Stack gap="lg">
            <ReportMeta r={data} />
            <Title order={2} className={classes.part}>
              {t('openPart')}
            </Title>
            <Accrual r={data} />
            <MilestonesAndFollowUp r={data} />
            <BaselineTable baseline={data.baseline} />
            <Section title={t('consortTitle')}>
              <ConsortDiagram data={{ flow: data.consort, criteria: data.criteria }} />
            </Section>
            <Section title={t('safetyTitle')}>
              <HeadlineRate safety={data.safety} />
              <ComplicationsTable safety={data.safety} />
              <DeliveryTables safety={data.safety} />
            </Section>
            <ReportSaeCounts r={data} />
            <ReportDeviations r={data} />
            <ReportMeetings meetings={data.meetings} />
            <Title order={2} className={classes.part}>
              {t('closedPart')}
            </Title>
            {data.closed ? (
              <>
                <Survival o={data.closed.outcomes} />
                <ReportSaeListing r={data} />
              </>
            ) : (
              <Alert color="gray" variant="light" data-testid="closed-withheld">
                {t('closedWithheld')}
              </Alert>
            )}
          </Stack>
        )}
      </QueryView>
    </div>
  );
}

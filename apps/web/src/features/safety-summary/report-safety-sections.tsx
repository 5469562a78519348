// The committee report's "Serious adverse events" and "Protocol deviations" sections (open part: counts
// from the report object, no participant) and the SAE listing per participant (closed part, only for a role
// that reads participants; the server leaves it out for the others). The PDF draws the same object.
import { Alert, Stack, Table, Text } from '@mantine/core';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import type { RouterOutputs } from '../../lib/trpc';
import { DeviationCountsTable } from './deviation-counts-table';
import { messages } from './messages';
import { SaeCountsTable, SaeCriteriaTable } from './sae-counts-table';

type Report = RouterOutputs['committee']['report']['get'];
type Listing = NonNullable<NonNullable<Report['closed']>['saeListing']>;

/** The report shows centres by their code, as its PDF does. */
const centreCode = (code: string) => code;

export function ReportSaeCounts({ r }: { r: Report }) {
  const t = useT(messages);
  const f = useFormat();
  const s = r.saes;
  if (s === null)
    return (
      <Section title={t('reportSaesTitle')}>
        <Text size="sm">{t('notInCut')}</Text>
      </Section>
    );
  const stateLabels = [t('state_on_time'), t('state_late'), t('state_due'), t('state_overdue')];
  const states = (c: { onTime: number; late: number; due: number; overdue: number }) =>
    [c.onTime, c.late, c.due, c.overdue].map((n, i) => (
      <Table.Td key={i} ta="right" data-label={stateLabels[i]}>
        {f.number(n)}
      </Table.Td>
    ));
  return (
    <Section
      title={t('reportSaesTitle')}
      description={t('reportSaesText', {
        n: s.total,
        deaths: s.deaths,
        notReported: s.deathsNotReported,
        susars: s.susars,
        readAt: f.timestamp(s.readAt),
      })}
    >
      <Stack gap="md" data-testid="report-saes">
        <SaeCriteriaTable rows={s.byCriterion} countHeader={t('colCount')} report />
        <ScrollTable>
          <Table fz="sm" className="tabular stacked">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('colReport')}</Table.Th>
                {stateLabels.map((label) => (
                  <Table.Th key={label} scope="col" ta="right">
                    {label}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th scope="row">{t('initialReport')}</Table.Th>
                {states(s.initialReports)}
              </Table.Tr>
              <Table.Tr>
                <Table.Th scope="row">{t('susarReport')}</Table.Th>
                {states(s.susarReports)}
              </Table.Tr>
            </Table.Tbody>
          </Table>
        </ScrollTable>
        <SaeCountsTable rows={s.byCentre} centreName={centreCode} caption={t('saeCaption')} report />
      </Stack>
    </Section>
  );
}

export function ReportDeviations({ r }: { r: Report }) {
  const t = useT(messages);
  const f = useFormat();
  const d = r.deviations;
  if (d === null)
    return (
      <Section title={t('reportDeviationsTitle')}>
        <Text size="sm">{t('notInCut')}</Text>
      </Section>
    );
  return (
    <Section
      title={t('reportDeviationsTitle')}
      description={t('reportDeviationsText', {
        n: d.total,
        major: f.number(d.major),
        minor: f.number(d.minor),
      })}
    >
      <DeviationCountsTable cells={d.cells} centreName={centreCode} report testId="report-deviations" />
    </Section>
  );
}

function ListingTable({ rows }: { rows: Listing }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  return (
    <ScrollTable>
      <Table fz="sm" className="stacked" verticalSpacing={6} data-testid="report-sae-listing">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colParticipant')}</Table.Th>
            <Table.Th scope="col">{t('colEvent')}</Table.Th>
            <Table.Th scope="col">{t('colCriteria')}</Table.Th>
            <Table.Th scope="col">{t('colCausality')}</Table.Th>
            <Table.Th scope="col">{t('susarYes')}</Table.Th>
            <Table.Th scope="col">{t('colTimeliness')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.studyId}:${row.awareAt}:${row.term}`}>
              <Table.Th scope="row">
                <Text size="sm" fw={600}>
                  {row.studyId}
                </Text>
                <Text size="xs" c="dimmed">
                  {row.centre}
                </Text>
              </Table.Th>
              <Table.Td data-label={t('colEvent')}>
                <div>
                  <Text size="sm">{row.term}</Text>
                  <Text size="xs" c="dimmed">
                    {f.date(row.eventDate)}
                  </Text>
                </div>
              </Table.Td>
              <Table.Td data-label={t('colCriteria')}>
                {row.criteria.map((c) => t(`criterion_${c}`)).join(', ')}
              </Table.Td>
              <Table.Td data-label={t('colCausality')}>
                {/* One child: a phone's stacked row lays the cell's children side by side. */}
                <div>
                  {row.assessments.map((a) => (
                    <Text key={a.intervention} size="xs">
                      {a.name[lang]}: {t(`causality_${a.causality}`)}
                      {a.expected === null ? '' : `, ${t(a.expected ? 'expected' : 'unexpected')}`}
                    </Text>
                  ))}
                </div>
              </Table.Td>
              <Table.Td fw={row.susar ? 700 : undefined} data-label={t('susarYes')}>
                {row.susar ? t('susarYes') : t('susarNo')}
              </Table.Td>
              <Table.Td data-label={t('colTimeliness')}>
                <div>
                  <Text size="xs">
                    {t('reportLine', {
                      report: t('initialReport'),
                      when: row.reportedAt === null ? t('notReportedYet') : f.timestamp(row.reportedAt),
                      state: t(`state_${row.initial.state}`),
                    })}
                  </Text>
                  {row.susarReport ? (
                    <Text size="xs">
                      {t('reportLine', {
                        report: t('susarReport'),
                        when:
                          row.susarReport.reportedAt === null ? '–' : f.timestamp(row.susarReport.reportedAt),
                        state: t(`state_${row.susarReport.state}`),
                      })}
                    </Text>
                  ) : null}
                </div>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

/** Closed part: the listing, or why it is not shown (a cut frozen before SAEs were kept; the steering role). */
export function ReportSaeListing({ r }: { r: Report }) {
  const t = useT(messages);
  const rows = r.closed?.saeListing ?? null;
  return (
    <Section title={t('listingTitle')} description={rows && r.saes ? t('listingText') : undefined}>
      {r.saes === null ? (
        <Text size="sm">{t('notInCut')}</Text>
      ) : rows === null ? (
        <Alert color="gray" variant="light" data-testid="sae-listing-withheld">
          {t('listingWithheld')}
        </Alert>
      ) : (
        <ListingTable rows={rows} />
      )}
    </Section>
  );
}

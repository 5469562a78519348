// The overview's safety panel: SAEs per centre (total, SUSARs, initial reports overdue now, reports made late)
// and protocol deviations per centre and category, major and minor. Counts only (safety.summary and
// deviations.summary, for every role that reads aggregates). Served by its own queries rather than inside
// overview.get's cached answer: "overdue now" changes as the clock passes a due instant with no write, and
// the overview's answer is kept per data version and day (README "Safety reporting").
import { Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

/** The clocks are read at each answer: ask again each minute so that a report falling due shows. */
const REFRESH_MS = 60_000;

export function SafetyPanel({
  trialId,
  centreName,
}: {
  trialId: string;
  centreName: (code: string) => string;
}) {
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const saes = useQuery({ ...trpc.safety.summary.queryOptions({ trialId }), refetchInterval: REFRESH_MS });
  const deviations = useQuery(trpc.deviations.summary.queryOptions({ trialId }));
  if (!saes.data || !deviations.data) return null;
  const rows = saes.data.byCentre;
  const total = rows.reduce(
    (s, r) => ({
      saes: s.saes + r.saes,
      susars: s.susars + r.susars,
      initialOverdue: s.initialOverdue + r.initialOverdue,
      lateReports: s.lateReports + r.lateReports,
    }),
    { saes: 0, susars: 0, initialOverdue: 0, lateReports: 0 },
  );
  const dev = deviations.data;
  return (
    <Section title={t('panelTitle')} description={t('panelDescription')}>
      <Stack gap="lg" data-testid="safety-panel">
        <ScrollTable>
          <Table striped className="tabular stacked" verticalSpacing={4} data-testid="safety-sae-table">
            <Table.Caption>{t('saeCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('colCentre')}</Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colSaes')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colSusars')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colInitialOverdue')}
                </Table.Th>
                <Table.Th scope="col" ta="right">
                  {t('colLateReports')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={r.centre}>
                  <Table.Th scope="row">{centreName(r.centre)}</Table.Th>
                  <Table.Td ta="right" data-label={t('colSaes')}>
                    {f.number(r.saes)}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t('colSusars')}>
                    {f.number(r.susars)}
                  </Table.Td>
                  <Table.Td
                    ta="right"
                    c={r.initialOverdue > 0 ? 'red.8' : undefined}
                    data-label={t('colInitialOverdue')}
                  >
                    {f.number(r.initialOverdue)}
                  </Table.Td>
                  <Table.Td ta="right" data-label={t('colLateReports')}>
                    {f.number(r.lateReports)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr>
                <Table.Th scope="row">{t('allCentres')}</Table.Th>
                <Table.Td ta="right" fw={700} data-label={t('colSaes')}>
                  {f.number(total.saes)}
                </Table.Td>
                <Table.Td ta="right" fw={700} data-label={t('colSusars')}>
                  {f.number(total.susars)}
                </Table.Td>
                <Table.Td ta="right" fw={700} data-label={t('colInitialOverdue')}>
                  {f.number(total.initialOverdue)}
                </Table.Td>
                <Table.Td ta="right" fw={700} data-label={t('colLateReports')}>
                  {f.number(total.lateReports)}
                </Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>
        </ScrollTable>
        <Stack gap="xs">
          <Text fw={600} size="sm" component="h3">
            {t('deviationsTitle')}
          </Text>
          {dev.cells.length === 0 ? (
            <Text size="sm">{t('noDeviations')}</Text>
          ) : (
            <ScrollTable>
              <Table
                striped
                className="tabular stacked"
                verticalSpacing={4}
                data-testid="safety-deviation-table"
              >
                <Table.Caption>{t('deviationsCaption')}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('colCentre')}</Table.Th>
                    <Table.Th scope="col">{t('colCategory')}</Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('colMajor')}
                    </Table.Th>
                    <Table.Th scope="col" ta="right">
                      {t('colMinor')}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {dev.cells.map((c) => (
                    <Table.Tr key={`${c.centre}:${c.category}`}>
                      <Table.Th scope="row">{centreName(c.centre)}</Table.Th>
                      <Table.Td data-label={t('colCategory')}>{t(`category_${c.category}`)}</Table.Td>
                      <Table.Td ta="right" data-label={t('colMajor')}>
                        {f.number(c.major)}
                      </Table.Td>
                      <Table.Td ta="right" data-label={t('colMinor')}>
                        {f.number(c.minor)}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <Text size="sm">
            {t('totalDeviations', {
              n: dev.total,
              major: f.number(dev.major),
              minor: f.number(dev.minor),
            })}
          </Text>
        </Stack>
      </Stack>
    </Section>
  );
}

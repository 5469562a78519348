// The aggregate counts of safety.summary: what the steering committee sees of SAEs (no study IDs), and the
// head of the listing for everyone else. Trial-wide for every role that reads aggregates.
import { SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { listingMessages } from './listing-messages';
import { messages } from './messages';

export function SaeCounts({
  trialId,
  centreName,
}: {
  trialId: string;
  centreName: (code: string) => string;
}) {
  const t = useT(listingMessages);
  const tm = useT(messages);
  const trpc = useTRPC();
  const summary = useQuery(trpc.safety.summary.queryOptions({ trialId }));
  const s = summary.data;
  if (!s) return null;
  const figures: [string, string][] = [
    [t('total'), String(s.total)],
    [t('susars'), String(s.susars)],
    [t('deaths'), String(s.deaths)],
    [t('deathsNotReported'), String(s.deathsNotReported)],
    [t('notReviewed'), String(s.notReviewed)],
    [t('initialReports'), t('stateCounts', { ...s.initialReports })],
    [t('susarReports'), t('stateCounts', { ...s.susarReports })],
  ];
  return (
    <Section title={t('countsTitle')}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md" component="dl" style={{ margin: 0 }}>
          {figures.map(([label, value]) => (
            <div key={label}>
              <Text component="dt" size="xs" c="dimmed" fw={600}>
                {label}
              </Text>
              <Text component="dd" size="sm" fw={600} m={0} className="tabular">
                {value}
              </Text>
            </div>
          ))}
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <ScrollTable>
            <Table striped className="tabular" verticalSpacing="xs">
              <Table.Caption>{t('byCentreCaption')}</Table.Caption>
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
                    {t('colOverdue')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.byCentre.map((c) => (
                  <Table.Tr key={c.centre}>
                    <Table.Th scope="row" style={{ whiteSpace: 'normal' }}>
                      {centreName(c.centre)}
                    </Table.Th>
                    <Table.Td ta="right">{c.saes}</Table.Td>
                    <Table.Td ta="right">{c.susars}</Table.Td>
                    <Table.Td ta="right">{c.overdue}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
          <ScrollTable>
            <Table striped className="tabular" verticalSpacing="xs">
              <Table.Caption>{t('byCriterionCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('colCriterion')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('colN')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {s.byCriterion.map((c) => (
                  <Table.Tr key={c.criterion}>
                    <Table.Th scope="row" style={{ whiteSpace: 'normal' }}>
                      {tm(`criterion_${c.criterion}`)}
                    </Table.Th>
                    <Table.Td ta="right">{c.n}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

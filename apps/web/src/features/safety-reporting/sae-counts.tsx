// The aggregate counts of safety.summary: what the steering committee sees of SAEs (no study IDs), and the
// head of the listing for everyone else. Trial-wide for every role that reads aggregates.
import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { SaeCountsTable, SaeCriteriaTable } from '../safety-summary/sae-counts-table';
import { listingMessages } from './listing-messages';

export function SaeCounts({
  trialId,
  centreName,
}: {
  trialId: string;
  centreName: (code: string) => string;
}) {
  const t = useT(listingMessages);
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
          <SaeCountsTable rows={s.byCentre} centreName={centreName} caption={t('byCentreCaption')} />
          <SaeCriteriaTable rows={s.byCriterion} caption={t('byCriterionCaption')} countHeader={t('colN')} />
        </SimpleGrid>
      </Stack>
    </Section>
  );
}

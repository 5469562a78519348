// The overview's safety panel: SAEs per centre (total, SUSARs, initial reports overdue now, reports made late)
// and protocol deviations per centre and category, major and minor. Counts only (safety.summary and
// deviations.summary, for every role that reads aggregates). Served by its own queries rather than inside
// overview.get's cached answer: "overdue now" changes as the clock passes a due instant with no write, and
// the overview's answer is kept per data version and day (README "Safety reporting").
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { DeviationCountsTable } from './deviation-counts-table';
import { messages } from './messages';
import { SaeCountsTable } from './sae-counts-table';

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
  const dev = deviations.data;
  return (
    <Section title={t('panelTitle')} description={t('panelDescription')}>
      <Stack gap="lg" data-testid="safety-panel">
        <SaeCountsTable
          rows={saes.data.byCentre}
          centreName={centreName}
          caption={t('saeCaption')}
          testId="safety-sae-table"
        />
        <Stack gap="xs">
          <Text fw={600} size="sm" component="h3">
            {t('deviationsTitle')}
          </Text>
          {dev.cells.length === 0 ? (
            <Text size="sm">{t('noDeviations')}</Text>
          ) : (
            <DeviationCountsTable
              cells={dev.cells}
              centreName={centreName}
              caption={t('deviationsCaption')}
              testId="safety-deviation-table"
            />
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

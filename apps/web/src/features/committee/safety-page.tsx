// Safety for the committee, live or for a data cut: aggregates only.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { CutSelector, SourceNote, useCutParam } from './cut-selector';
import { messages } from './messages';
import { ComplicationsTable, DeliveryTables, HeadlineRate } from './safety-view';

export default function SafetyPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const [cutId] = useCutParam();
  const q = useQuery(trpc.committee.safety.get.queryOptions({ trialId, cutId }));
  return (
    <>
      <PageHeader title={t('safetyTitle')} actions={<CutSelector trialId={trialId} />} />
      {q.isPending ? (
        <PageLoader />
      ) : q.isError ? (
        <PageError error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <Stack gap="lg">
          <SourceNote source={q.data.source} />
          <HeadlineRate safety={q.data.safety} />
          <Section title={t('complicationsTitle')}>
            <ComplicationsTable safety={q.data.safety} />
          </Section>
          <Section title={t('deliveryTitle')}>
            <DeliveryTables safety={q.data.safety} />
          </Section>
        </Stack>
      )}
    </>
  );
}

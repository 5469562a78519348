// The CONSORT flow diagram, live from the data or for a data cut.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/page-state';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { ConsortDiagram } from './consort-diagram';
import { CutSelector, SourceNote, useCutParam } from './cut-selector';
import { messages } from './messages';

export default function ConsortPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const [cutId] = useCutParam();
  const q = useQuery(trpc.committee.consort.get.queryOptions({ trialId, cutId }));
  return (
    <>
      <PageHeader
        title={t('consortTitle')}
        subtitle={t('consortSubtitle')}
        actions={<CutSelector trialId={trialId} />}
      />
      <QueryView query={q}>
        {(data) => (
          <Stack gap="lg">
            <SourceNote source={data.source} />
            <Section title={t('consortTitle')}>
              <ConsortDiagram data={data} />
            </Section>
          </Stack>
        )}
      </QueryView>
    </>
  );
}

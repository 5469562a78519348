// Outcomes for the committee: Kaplan–Meier curves for each endpoint of the trial, live or for a data cut.
// Every number arrives computed (committee.outcomes.get); the page lays them out and draws them.
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { useCentreNames } from '../../app/use-centre-names';
import { PageHeader } from '../../components/page-header';
import { QueryView } from '../../components/page-state';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { CutSelector, SourceNote, useCutParam } from './cut-selector';
import { CompetingRisksSection } from './analyses/competing-risks';
import { FollowUpLine } from './analyses/summary-lines';
import { EndpointSection } from './endpoint-section';
import { messages } from './messages';
import { ParticipantEndpoints } from './participant-endpoints';
import { SwimmerSection } from './swimmer/swimmer-plot';

export default function OutcomesPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const user = useSession();
  const t = useT(messages);
  const f = useFormat();
  const [cutId] = useCutParam();
  const centreName = useCentreNames(trialId);
  const q = useQuery(trpc.committee.outcomes.get.queryOptions({ trialId, cutId }));
  return (
    <>
      <PageHeader
        title={t('outcomesTitle')}
        subtitle={t('outcomesSubtitle')}
        actions={<CutSelector trialId={trialId} />}
      />
      <QueryView query={q}>
        {(data) => (
          <Stack gap="lg">
            <Stack gap={2}>
              <SourceNote source={data.source} />
              <Text size="sm" c="dimmed">
                {t('timeUnit', { days: f.number(data.outcomes.daysPerMonth, 4) })}
              </Text>
              <FollowUpLine followUp={data.outcomes.followUp} />
              {data.outcomes.excluded > 0 ? (
                <Text size="sm">{t('excludedLine', { excluded: data.outcomes.excluded })}</Text>
              ) : null}
            </Stack>
            {data.outcomes.endpoints.map((e) => (
              <Fragment key={e.kind}>
                <EndpointSection
                  endpoint={e}
                  maxMonths={data.outcomes.maxMonths}
                  minAtRisk={data.outcomes.minAtRisk}
                  centreName={centreName}
                />
                {e.kind === 'hdfs' && data.outcomes.competingRisks ? (
                  <CompetingRisksSection
                    cr={data.outcomes.competingRisks}
                    deathIsEvent={e.deathIsEvent}
                    maxMonths={data.outcomes.maxMonths}
                    minAtRisk={data.outcomes.minAtRisk}
                  />
                ) : null}
              </Fragment>
            ))}
            <SwimmerSection swimmers={data.outcomes.swimmers} />
            {can(user.role, 'participant:read') ? (
              <ParticipantEndpoints trialId={trialId} cutId={cutId} />
            ) : null}
          </Stack>
        )}
      </QueryView>
    </>
  );
}

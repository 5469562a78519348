// The trial overview: key figures, accrual, centres, milestones, follow-up status and the follow-up matrix.
// Every number arrives computed from the server (overview.get); this page only lays them out.
import { Alert, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { LiveBadge } from '../../components/live-badge';
import { PageError, PageLoader } from '../../components/page-state';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { common } from '../../i18n/common-messages';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { keepPreviousOfTrial } from '../../lib/keep-previous';
import { AccrualSection } from './accrual-section';
import { overviewInput, useCentrePage } from './centre-page';
import { CentresSection } from './centres-section';
import { FollowUpSection } from './follow-up-section';
import { KeyFigures } from './key-figures';
import { QuerySummary } from '../monitoring/query-summary';
import { MatrixSection } from './matrix-section';
import { messages } from './messages';
import { MilestonesSection } from './milestones-section';
import { SafetyPanel } from '../safety-summary/safety-panel';

/**
 * True from the frame after `ready` first holds. The heading and key figures paint first; the sections
 * below them (tables of every centre, charts, the matrix) render a frame later, so a network of two hundred
 * centres does not hold back the figures a reader looks at first.
 */
function useAfterFirstPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    const frame = requestAnimationFrame(() => setTimeout(() => setPainted(true), 0));
    return () => cancelAnimationFrame(frame);
  }, [ready, painted]);
  return painted;
}

export default function OverviewPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const user = useSession();
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const { lang } = useLang();
  // The per-centre tables a page at a time; the previous page stays shown while the next one loads.
  const { centrePage, onPage, onPageSize } = useCentrePage();
  const overview = useQuery(
    trpc.overview.get.queryOptions(overviewInput(trialId, centrePage), {
      placeholderData: keepPreviousOfTrial(trialId),
    }),
  );
  // Every centre's code and name (the matrix's filter, labels): the definition the navigation loads anyway.
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const afterFirstPaint = useAfterFirstPaint(overview.isSuccess);

  if (overview.isPending) return <PageLoader />;
  if (overview.isError) return <PageError error={overview.error} onRetry={() => void overview.refetch()} />;
  const data = overview.data;
  const allCentres = trial.data?.definition.centres ?? data.centres;
  const names = new Map([...allCentres, ...data.centres].map((c) => [c.code, c.name]));
  const centreName = (code: string) => names.get(code) ?? code;
  const paging = { ...data.centrePage, onPage, onPageSize };

  return (
    <>
      <PageHeader
        title={t('title', { code: data.trial.code })}
        subtitle={
          <>
            <Text span size="sm" display="block" maw={900}>
              {data.trial.title[lang]}
            </Text>
            <Text span size="sm" c="dimmed">
              {tc('asOf', { date: f.date(data.asOf) })}
            </Text>
          </>
        }
        actions={<LiveBadge />}
      />
      <Stack gap="lg">
        <KeyFigures overview={data} />
        {afterFirstPaint ? (
          <>
            <AccrualSection overview={data} centreName={centreName} />
            <CentresSection overview={data} paging={paging} />
            <MilestonesSection overview={data} />
            <FollowUpSection overview={data} centreName={centreName} paging={paging} />
            {can(user.role, 'participant:read') ? <QuerySummary trialId={trialId} /> : null}
            <SafetyPanel trialId={trialId} centreName={centreName} />
            {can(user.role, 'participant:read') ? (
              <MatrixSection trialId={trialId} overview={data} centres={allCentres} />
            ) : (
              <Section title={t('matrixTitle')}>
                <Alert color="gray" variant="light" role="note" data-testid="matrix-hidden">
                  <Group gap="xs">
                    <Text size="sm">{t('matrixHidden')}</Text>
                  </Group>
                </Alert>
              </Section>
            )}
          </>
        ) : (
          <PageLoader />
        )}
      </Stack>
    </>
  );
}

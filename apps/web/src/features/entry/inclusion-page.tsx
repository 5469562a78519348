// Include a participant: the page around the inclusion form (inclusion-form.tsx): the trial's code and
// progress, and the administrator's way to raise a reached recruitment target.
import { Alert, Badge, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { InclusionForm } from './inclusion-form';
import { messages } from './messages';
import { TargetSetting } from './target-setting';

export default function InclusionPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const user = useSession();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const overview = useQuery(trpc.overview.get.queryOptions({ trialId }));
  if (trial.isPending || overview.isPending) return <PageLoader />;
  if (trial.isError) return <PageError error={trial.error} onRetry={() => void trial.refetch()} />;
  if (overview.isError) return <PageError error={overview.error} onRetry={() => void overview.refetch()} />;
  const def = trial.data.definition;
  const { included, target } = overview.data.inclusion;
  return (
    <>
      <PageHeader
        title={t('includeTitle')}
        subtitle={t('includeSubtitle', { code: def.code, included, target })}
        actions={
          trial.data.synthetic ? (
            <Badge color="grape" variant="light">
              {t('synthetic')}
            </Badge>
          ) : null
        }
      />
      <Stack gap="lg">
        {included >= target ? (
          <Alert color="orange" role="alert">
            <Stack gap="sm">
              {t('targetReached', { target })}
              {can(user.role, 'trial:configure') ? <TargetSetting trialId={trialId} target={target} /> : null}
            </Stack>
          </Alert>
        ) : null}
        <InclusionForm key={trialId} trialId={trialId} def={def} />
      </Stack>
    </>
  );
}

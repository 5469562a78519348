// The SAE page: the aggregate counts for every role that reads them, then, for those who read participants,
// the compact listing whose rows open each SAE's card (clocks, follow-ups, review, SUSAR submission; the PI
// reviews and records a SUSAR's submission there). The steering committee, which does not read
// participants, sees only the counts.
import { Stack } from '@mantine/core';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { useTrialCentres } from '../../app/use-centre-names';
import { PageHeader } from '../../components/page-header';
import { useT } from '../../i18n/i18n-context';
import { listingMessages } from './listing-messages';
import { SaeCounts } from './sae-counts';
import { SaeListing } from './sae-listing';

export default function SaesPage() {
  const trialId = useTrialId();
  const t = useT(listingMessages);
  const user = useSession();
  const { centres, centreName } = useTrialCentres(trialId);
  const readsParticipants = can(user.role, 'participant:read');
  return (
    <>
      <PageHeader title={t('title')} subtitle={readsParticipants ? t('subtitle') : t('subtitleCounts')} />
      <Stack gap="lg">
        <SaeCounts trialId={trialId} centreName={centreName} />
        {readsParticipants ? (
          <SaeListing trialId={trialId} centres={centres} centreName={centreName} />
        ) : null}
      </Stack>
    </>
  );
}

// A banner on every page of a locked trial: nothing can be changed, since when, by whom and why.
import { Alert } from '@mantine/core';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import { useLocks } from './use-locks';

export function TrialLockBanner({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const f = useFormat();
  const lock = useLocks(trialId).find((l) => l.scope === 'trial' && l.unlockedAt === null);
  if (!lock) return null;
  return (
    <Alert
      color="orange"
      variant="filled"
      radius={0}
      title={t('trialLocked')}
      data-testid="trial-lock-banner"
    >
      {t('trialLockedSince', { at: f.timestamp(lock.lockedAt), by: lock.lockedByName, reason: lock.reason })}
    </Alert>
  );
}

// The trial's locks: every lock in force (the trial's and each participant's), the lifted ones, and for the
// data manager the form to lock the whole trial before an analysis. Participants and their records are
// locked from the participant's page.
import { Stack, Text } from '@mantine/core';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { LockForm } from './lock-form';
import { LocksTable } from './locks-table';
import { messages } from './messages';
import { useLocks } from './use-locks';

export default function LocksPage() {
  const trialId = useTrialId();
  const t = useT(messages);
  const user = useSession();
  const locks = useLocks(trialId);
  const [unlocked, setUnlocked] = useState<number | null>(null);
  const inForce = locks.filter((l) => l.unlockedAt === null);
  const lifted = locks.filter((l) => l.unlockedAt !== null);
  const trialLocked = inForce.some((l) => l.scope === 'trial');
  return (
    <>
      <PageHeader title={t('locksTitle')} subtitle={t('locksSubtitle')} />
      <Stack gap="lg">
        <Section title={t('inForce')} description={t('lockCount', { count: inForce.length })}>
          <Stack gap="sm">
            {inForce.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('noLocks')}
              </Text>
            ) : (
              <LocksTable trialId={trialId} locks={inForce} linkParticipants onUnlocked={setUnlocked} />
            )}
            {unlocked !== null ? (
              <Text size="sm" c="teal" role="status">
                {t('unlocked', { id: String(unlocked) })}
              </Text>
            ) : null}
          </Stack>
        </Section>
        {can(user.role, 'data:lock') && !trialLocked ? (
          <Section title={t('lockTrialTitle')}>
            <LockForm trialId={trialId} />
          </Section>
        ) : null}
        <Section title={t('history')}>
          {lifted.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('noHistory')}
            </Text>
          ) : (
            <LocksTable trialId={trialId} locks={lifted} lifted linkParticipants />
          )}
        </Section>
      </Stack>
    </>
  );
}

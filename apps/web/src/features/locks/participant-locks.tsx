// The locks section of a participant's page: the locks in force on the participant, their records and the
// trial, the lifted ones, and (data manager) a form to lock the participant or one of their records.
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can, recordLabel } from '@trialdesk/domain';
import { useState } from 'react';
import { useSession } from '../../app/session';
import { Section } from '../../components/section';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { LockForm, type LockTargetOption } from './lock-form';
import { LocksTable } from './locks-table';
import { messages } from './messages';
import { useLocks } from './use-locks';

export function ParticipantLocks({ trialId, studyId }: { trialId: string; studyId: string }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const user = useSession();
  const mayLock = can(user.role, 'data:lock');
  const locks = useLocks(trialId, studyId);
  const [unlocked, setUnlocked] = useState<number | null>(null);
  // The records a lock can name: the participant's current visits, assessments and events (the SDV list).
  const records = useQuery({
    ...trpc.sdv.participant.queryOptions({ trialId, studyId }),
    enabled: mayLock,
  });
  const targets: LockTargetOption[] = [
    { value: 'participant', label: t('wholeParticipant', { studyId }) },
    ...(records.data?.records ?? []).flatMap((r) =>
      r.recordType === 'cycle' || r.recordType === 'assessment' || r.recordType === 'event'
        ? [
            {
              value: `${r.recordType}:${r.recordId}`,
              label: recordLabel(r.label, lang),
              record: { type: r.recordType, id: r.recordId },
            },
          ]
        : [],
    ),
  ];
  const inForce = locks.filter((l) => l.unlockedAt === null);
  const lifted = locks.filter((l) => l.unlockedAt !== null);
  return (
    <Section title={t('sectionTitle')} description={t('sectionHelp')}>
      <Stack gap="md">
        {inForce.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noLocks')}
          </Text>
        ) : (
          <LocksTable trialId={trialId} locks={inForce} onUnlocked={setUnlocked} />
        )}
        {unlocked !== null ? (
          <Text size="sm" c="teal" role="status">
            {t('unlocked', { id: String(unlocked) })}
          </Text>
        ) : null}
        {lifted.length > 0 ? <LocksTable trialId={trialId} locks={lifted} lifted /> : null}
        {mayLock ? <LockForm trialId={trialId} studyId={studyId} targets={targets} /> : null}
      </Stack>
    </Section>
  );
}

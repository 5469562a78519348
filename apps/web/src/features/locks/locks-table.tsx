// Locks in a table: in force (with Unlock for the data manager, which opens the reason form in place) or
// lifted (who lifted it, when and why). Used on the participant page and on the trial's Locks page.
import { Anchor, Button, Table, Text } from '@mantine/core';
import { can } from '@trialdesk/domain';
import { Fragment, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath } from '../../app/trial';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import type { LockView } from './lock-words';
import { messages } from './messages';
import { UnlockForm } from './unlock-form';

export function LockTarget({ lock, link }: { lock: LockView; link?: string | undefined }) {
  const t = useT(messages);
  if (lock.scope === 'trial') return <>{t('wholeTrial')}</>;
  const words =
    lock.scope === 'participant' ? t('wholeParticipant', { studyId: lock.studyId ?? '' }) : lock.targetLabel;
  return link ? (
    <Anchor component={Link} to={link} size="sm">
      {words}
    </Anchor>
  ) : (
    <>{words}</>
  );
}

export function LocksTable({
  trialId,
  locks,
  lifted = false,
  linkParticipants = false,
  onUnlocked,
}: {
  trialId: string;
  locks: readonly LockView[];
  lifted?: boolean;
  linkParticipants?: boolean;
  onUnlocked?: (lockId: number) => void;
}) {
  const t = useT(messages);
  const f = useFormat();
  const user = useSession();
  const [unlocking, setUnlocking] = useState<number | null>(null);
  const mayUnlock = !lifted && can(user.role, 'data:lock');
  const columns = 3 + (lifted ? 1 : 0) + (mayUnlock ? 1 : 0);
  return (
    <ScrollTable>
      <Table striped fz="sm" verticalSpacing="xs" data-testid={lifted ? 'locks-lifted' : 'locks-in-force'}>
        <Table.Caption>{lifted ? t('history') : t('inForce')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colTarget')}</Table.Th>
            <Table.Th scope="col">{t('colReason')}</Table.Th>
            <Table.Th scope="col">{t('colLocked')}</Table.Th>
            {lifted ? <Table.Th scope="col">{t('colUnlocked')}</Table.Th> : null}
            {mayUnlock ? <Table.Th scope="col">{t('colActions')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {locks.map((l) => (
            <Fragment key={l.id}>
              <Table.Tr>
                <Table.Th scope="row" fw={600}>
                  <LockTarget
                    lock={l}
                    link={
                      linkParticipants && l.studyId
                        ? trialPath(trialId, `participants/${l.studyId}`)
                        : undefined
                    }
                  />
                  <Text size="xs" c="dimmed">
                    {t('lockNumber', { id: String(l.id) })}
                  </Text>
                </Table.Th>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.reason}</Table.Td>
                <Table.Td>{t('byOn', { by: l.lockedByName, at: f.timestamp(l.lockedAt) })}</Table.Td>
                {lifted ? (
                  <Table.Td>
                    {t('byOn', { by: l.unlockedByName ?? '', at: f.timestamp(l.unlockedAt ?? '') })}
                    <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {l.unlockReason}
                    </Text>
                  </Table.Td>
                ) : null}
                {mayUnlock ? (
                  <Table.Td>
                    {unlocking === l.id ? null : (
                      <Button
                        size="xs"
                        variant="light"
                        color="orange"
                        aria-label={t('unlockLabel', { id: String(l.id) })}
                        onClick={() => setUnlocking(l.id)}
                      >
                        {t('unlock')}
                      </Button>
                    )}
                  </Table.Td>
                ) : null}
              </Table.Tr>
              {unlocking === l.id ? (
                <Table.Tr>
                  <Table.Td colSpan={columns}>
                    <UnlockForm
                      lockId={l.id}
                      onCancel={() => setUnlocking(null)}
                      onDone={(id) => {
                        setUnlocking(null);
                        onUnlocked?.(id);
                      }}
                    />
                  </Table.Td>
                </Table.Tr>
              ) : null}
            </Fragment>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

// How an account change is audited: what the trail keeps of an account (everything an inspector needs,
// never a password or hash) and the envelope every user.* entry shares.
import type { UserRecord } from '@trialdesk/db';
import type { AccountSnapshot } from '@trialdesk/domain';

export function snapshot(
  u: Pick<UserRecord, 'username' | 'displayName' | 'role' | 'centre' | 'active'>,
): AccountSnapshot {
  const { username, displayName, role, centre, active } = u;
  return { username, displayName, role, centre, active };
}

/** The fields of a user.* audit entry that name the account. */
export function accountEntry(user: Pick<UserRecord, 'id' | 'centre'>) {
  return {
    entityType: 'user' as const,
    entityId: String(user.id),
    trialId: null,
    centre: user.centre,
    participant: null,
    reason: null,
  };
}

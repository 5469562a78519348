// How an account change is audited: what the trail keeps of an account (everything an inspector needs,
// never a password or hash) and the envelope every user.* entry shares.
import type { UserRow } from '@trialdesk/db';
import type { AccountSnapshot, Role } from '@trialdesk/domain';

export function snapshot(
  u: Pick<UserRow, 'username' | 'display_name' | 'role' | 'centre' | 'active'>,
): AccountSnapshot {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role as Role,
    centre: u.centre,
    active: u.active === 1,
  };
}

/** The fields of a user.* audit entry that name the account. */
export function accountEntry(user: Pick<UserRow, 'id' | 'centre'>) {
  return {
    entityType: 'user' as const,
    entityId: String(user.id),
    trialId: null,
    centre: user.centre,
    participant: null,
    reason: null,
  };
}

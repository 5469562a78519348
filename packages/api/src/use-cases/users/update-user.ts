// An administrator changes an account's display name, role or centre. A change of role or centre ends the
// user's sessions in the same transaction (what they may do changed); the last active administrator keeps
// the role. An account made administrator acts in every trial, so its memberships end with the change.
// For any other account the role and centre are its defaults: what it may do in a trial is its membership
// there (memberships.ts).
import { endUserSessions, updateUser } from '@trialdesk/db';
import type { Role } from '@trialdesk/domain';
import type { z } from 'zod';
import { nowIso } from '../../context.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { assertAnotherActiveAdmin, assertRoleAndCentre, loadUser } from './account-rules.js';
import { accountEntry, snapshot } from './audit-account.js';
import { endAllMemberships } from './memberships.js';
import type { updateUserInput } from './schemas.js';

export interface AccountChange {
  id: number;
  sessionsEnded: number;
}

export function updateAccount(
  deps: UseCaseDeps,
  input: z.output<typeof updateUserInput>,
): Promise<AccountChange & { changed: boolean }> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, input.userId);
    const role: Role = input.role ?? user.role;
    // A coordinator keeps their centre unless told otherwise; any other role has none.
    const centre = input.centre !== undefined ? input.centre : role === 'coordinator' ? user.centre : null;
    const displayName = input.displayName ?? user.displayName;
    await assertRoleAndCentre(trx, role, centre);
    const accessChanged = role !== user.role || centre !== user.centre;
    if (!accessChanged && displayName === user.displayName)
      return { id: user.id, changed: false, sessionsEnded: 0 };
    if (role !== 'admin') await assertAnotherActiveAdmin(trx, user);
    const now = nowIso(deps);
    await updateUser(trx, user.id, { displayName, role, centre }, now);
    if (role === 'admin' && user.role !== 'admin') await endAllMemberships(deps, trx, user);
    const sessionsEnded = accessChanged ? await endUserSessions(trx, user.id, now, 'access_changed') : 0;
    await writeAudit(deps, trx, {
      action: 'user.updated',
      ...accountEntry({ id: user.id, centre }),
      before: snapshot(user),
      after: { ...snapshot({ ...user, displayName, role, centre }), sessionsEnded },
    });
    return { id: user.id, changed: true, sessionsEnded };
  });
}

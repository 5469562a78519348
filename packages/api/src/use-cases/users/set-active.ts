// Accounts are never deleted, only deactivated (their sessions end at once) and reactivated. Nobody
// deactivates their own account, and the last active administrator stays.
import { endUserSessions, updateUser } from '@trialdesk/db';
import { AppError } from '../../errors.js';
import { nowIso } from '../../context.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { assertAnotherActiveAdmin, cannotDeactivateSelf, loadUser } from './account-rules.js';
import { accountEntry, snapshot } from './audit-account.js';
import type { AccountChange } from './update-user.js';

export function deactivateUser(deps: UseCaseDeps, input: { userId: number }): Promise<AccountChange> {
  if (input.userId === deps.actor.id) throw cannotDeactivateSelf();
  return deps.db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, input.userId);
    if (!user.active)
      throw new AppError('CONFLICT', 'user.already_inactive', `${user.username} is already deactivated.`);
    await assertAnotherActiveAdmin(trx, user);
    const now = nowIso(deps);
    await updateUser(trx, user.id, { active: false }, now);
    const sessionsEnded = await endUserSessions(trx, user.id, now, 'deactivated');
    await writeAudit(deps, trx, {
      action: 'user.deactivated',
      ...accountEntry(user),
      before: snapshot(user),
      after: { ...snapshot({ ...user, active: false }), sessionsEnded },
    });
    return { id: user.id, sessionsEnded };
  });
}

export function reactivateUser(deps: UseCaseDeps, input: { userId: number }): Promise<AccountChange> {
  return deps.db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, input.userId);
    if (user.active)
      throw new AppError('CONFLICT', 'user.already_active', `${user.username} is already active.`);
    await updateUser(trx, user.id, { active: true }, nowIso(deps));
    await writeAudit(deps, trx, {
      action: 'user.reactivated',
      ...accountEntry(user),
      before: snapshot(user),
      after: snapshot({ ...user, active: true }),
    });
    return { id: user.id, sessionsEnded: 0 };
  });
}

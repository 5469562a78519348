// An administrator sets a new password for another user; that user's sessions end with it. Their own
// password an administrator changes through auth.changePassword, which asks for the current one.
import { endUserSessions, hashPassword, updateUser } from '@trialdesk/db';
import type { z } from 'zod';
import { nowIso } from '../../context.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { loadUser, resetOwnPassword } from './account-rules.js';
import { accountEntry } from './audit-account.js';
import type { resetPasswordInput } from './schemas.js';
import type { AccountChange } from './update-user.js';

export async function resetPassword(
  deps: UseCaseDeps,
  input: z.output<typeof resetPasswordInput>,
): Promise<AccountChange> {
  if (input.userId === deps.actor.id) throw resetOwnPassword();
  const passwordHash = await hashPassword(input.newPassword);
  return deps.db.transaction().execute(async (trx) => {
    const user = await loadUser(trx, input.userId);
    const now = nowIso(deps);
    await updateUser(trx, user.id, { passwordHash, mustChangePassword: true }, now);
    const sessionsEnded = await endUserSessions(trx, user.id, now, 'password_reset');
    await writeAudit(deps, trx, {
      action: 'user.password_reset',
      ...accountEntry(user),
      before: { passwordChangedAt: user.passwordChangedAt },
      after: { passwordChangedAt: now, sessionsEnded },
    });
    return { id: user.id, sessionsEnded };
  });
}

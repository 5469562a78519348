// An administrator creates an account; audited with what the account holds, never the password.
import { hashPassword, insertUser } from '@trialdesk/db';
import type { z } from 'zod';
import type { createUserInput } from './schemas.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { nowIso } from '../../context.js';
import { assertRoleAndCentre, assertUsernameFree } from './account-rules.js';
import { accountEntry } from './audit-account.js';

export async function createUser(
  deps: UseCaseDeps,
  input: z.output<typeof createUserInput>,
): Promise<{ id: number }> {
  const centre = input.centre ?? null;
  // Hash outside the transaction: scrypt takes tens of milliseconds and must not hold the write lock.
  const passwordHash = await hashPassword(input.password);
  const id = await deps.db.transaction().execute(async (trx) => {
    await assertRoleAndCentre(trx, input.role, centre);
    await assertUsernameFree(trx, input.username);
    const fields = { username: input.username, displayName: input.displayName, role: input.role, centre };
    // The administrator knows this password: the user must replace it at the first login.
    const newId = await insertUser(trx, { ...fields, passwordHash, mustChangePassword: true }, nowIso(deps));
    await writeAudit(deps, trx, {
      action: 'user.created',
      ...accountEntry({ id: newId, centre }),
      before: null,
      after: { ...fields, active: true },
    });
    return newId;
  });
  return { id };
}

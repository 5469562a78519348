// An administrator gives an account a role in a trial, changes it, or ends it. A change ends the current
// membership and starts a new one, a removal only ends it: the rows stay, so the history of who could see
// what is kept. Each change is audited in its transaction. The account's sessions stay open: its role is
// read afresh on every request, so the change applies from its next call.
import {
  endMembership,
  findMembership,
  insertMembership,
  listCurrentMemberships,
  writeTransaction,
  type Db,
  type UserAccount,
} from '@trialdesk/db';
import type { MembershipSnapshot } from '@trialdesk/domain';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { loadUser } from './account-rules.js';
import { assertMemberAccount, membershipCentre, notAMember } from './membership-rules.js';
import type { membershipKey, setMembershipInput } from './schemas.js';

const snapshotOf = (
  user: Pick<UserAccount, 'id' | 'username'>,
  m: { role: MembershipSnapshot['role']; centre: string | null },
): MembershipSnapshot => ({ userId: user.id, username: user.username, role: m.role, centre: m.centre });

export async function setMembership(
  deps: UseCaseDeps,
  input: z.output<typeof setMembershipInput>,
): Promise<{ userId: number; trialId: string; changed: boolean }> {
  const trial = await loadTrial(deps, input.trialId);
  return writeTransaction(deps.db, async (trx) => {
    const user = await loadUser(trx, input.userId);
    assertMemberAccount(deps.lang, user);
    const centre = membershipCentre(deps.lang, trial.definition, input.role, input.centre ?? null);
    const current = await findMembership(trx, user.id, trial.id);
    const answer = { userId: user.id, trialId: trial.id };
    if (current && current.role === input.role && current.centre === centre)
      return { ...answer, changed: false };
    const now = nowIso(deps);
    if (current) await endMembership(trx, current.id, deps.actor.id, now);
    const id = await insertMembership(
      trx,
      { userId: user.id, trialId: trial.id, role: input.role, centre, createdBy: deps.actor.id },
      now,
    );
    await writeAudit(deps, trx, {
      action: 'membership.set',
      entityType: 'membership',
      entityId: String(id),
      trialId: trial.id,
      centre,
      participant: null,
      before: current ? snapshotOf(user, current) : null,
      after: snapshotOf(user, { role: input.role, centre }),
      reason: null,
    });
    return { ...answer, changed: true };
  });
}

export async function removeMembership(
  deps: UseCaseDeps,
  input: z.output<typeof membershipKey>,
): Promise<{ userId: number; trialId: string }> {
  const trial = await loadTrial(deps, input.trialId);
  return writeTransaction(deps.db, async (trx) => {
    const user = await loadUser(trx, input.userId);
    const current = await findMembership(trx, user.id, trial.id);
    if (!current) throw notAMember(deps.lang);
    await endCurrent(deps, trx, user, current);
    return { userId: user.id, trialId: trial.id };
  });
}

/**
 * Ends every current membership of an account that becomes an administrator (it then acts in every trial),
 * so that none comes back to life if the role is taken away again. Call it in the change's transaction.
 */
export async function endAllMemberships(deps: UseCaseDeps, trx: Db, user: UserAccount): Promise<number> {
  const memberships = await listCurrentMemberships(trx, user.id);
  for (const m of memberships) await endCurrent(deps, trx, user, m);
  return memberships.length;
}

async function endCurrent(
  deps: UseCaseDeps,
  trx: Db,
  user: UserAccount,
  current: { id: number; trialId: string; role: MembershipSnapshot['role']; centre: string | null },
): Promise<void> {
  await endMembership(trx, current.id, deps.actor.id, nowIso(deps));
  await writeAudit(deps, trx, {
    action: 'membership.removed',
    entityType: 'membership',
    entityId: String(current.id),
    trialId: current.trialId,
    centre: current.centre,
    participant: null,
    before: snapshotOf(user, current),
    after: null,
    reason: null,
  });
}

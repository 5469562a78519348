// Who acts with which role in which trial. An administrator is the instance's data manager and acts as
// `admin` in every trial; anyone else acts with the role (and centre) of their membership in the trial the
// call is about, and a trial they are not a member of answers exactly as one that does not exist.
import {
  can,
  isInstanceAdmin,
  memberRoles,
  roles,
  type Actor,
  type Lang,
  type Permission,
  type Role,
  type TrialMembership,
} from '@trialdesk/domain';
import { findMembership, listCurrentMemberships, type Db } from '@trialdesk/db';
import { trialIdSchema, trialNotFound } from './load-trial.js';

/**
 * The trial a call is about, read from its raw input before the input is parsed: the `trialId` every
 * trial-scoped procedure carries. A procedure keyed by something else (a query id, later) gets that thing's
 * trial looked up here, so that every procedure finds its trial through this one function. An id that
 * cannot name a trial (wrong form) names none: the input is then refused as invalid, as for everyone.
 */
export function trialOfInput(_db: Db, raw: unknown): Promise<string | null> {
  if (typeof raw !== 'object' || raw === null || !('trialId' in raw)) return Promise.resolve(null);
  const trialId = trialIdSchema.safeParse(raw.trialId);
  return Promise.resolve(trialId.success ? trialId.data : null);
}

interface Account {
  id: number;
  role: Role;
  centre: string | null;
}

/**
 * The role and centre an account acts with, or null when nothing grants the permission. For a call about a trial: the administrator's own, or the
 * membership's, or the unknown-trial answer (byte for byte the loader's). For a call about no trial (the
 * trial list, the audit trail, accounts): the first membership role that holds the permission; a permission
 * every role holds needs no membership (an account without trials may still ask which trials it has: none).
 */
export async function resolveAccess(
  deps: { db: Db; lang: Lang },
  account: Account,
  trialId: string | null,
  permission: Permission,
): Promise<Actor | null> {
  if (isInstanceAdmin(account)) return { role: account.role, centre: account.centre };
  if (trialId !== null) {
    const membership = await findMembership(deps.db, account.id, trialId);
    if (!membership) throw trialNotFound(deps.lang);
    return { role: membership.role, centre: membership.centre };
  }
  const memberships = await listCurrentMemberships(deps.db, account.id);
  const granting = strongestWith(memberships, permission);
  if (granting) return { role: granting.role, centre: granting.centre };
  if (roles.every((role) => can(role, permission))) return { role: account.role, centre: account.centre };
  // No membership grants it: the caller refuses with FORBIDDEN, as for a role without the permission.
  return null;
}

/** The membership whose role holds the permission, preferring roles in the order of `memberRoles`. */
function strongestWith(
  memberships: readonly TrialMembership[],
  permission: Permission,
): TrialMembership | undefined {
  for (const role of memberRoles) {
    if (!can(role, permission)) continue;
    const found = memberships.find((m) => m.role === role);
    if (found) return found;
  }
  return undefined;
}

/**
 * The trials in which an account holds a permission: null for an administrator (every trial), else the
 * trials of the memberships whose role holds it. Lists that span trials (the trial list, the audit trail)
 * are limited to these.
 */
export async function trialsWith(
  db: Db,
  account: Pick<Account, 'id' | 'role'>,
  permission: Permission,
): Promise<string[] | null> {
  if (isInstanceAdmin(account)) return null;
  const memberships = await listCurrentMemberships(db, account.id);
  return memberships.filter((m) => can(m.role, permission)).map((m) => m.trialId);
}

// Who acts with which role in which trial. An administrator is the instance's data manager and acts as
// `admin` in every trial; anyone else acts with the role (and centre) of their membership in the trial the
// call is about, and a trial they are not a member of answers exactly as one that does not exist.
import {
  can,
  isInstanceAdmin,
  memberRoles,
  queryId as queryIdSchema,
  roles,
  type Actor,
  type Lang,
  type Permission,
  type Role,
  type TrialMembership,
} from '@trialdesk/domain';
import { findMembership, findQueryById, listCurrentMemberships, type Db } from '@trialdesk/db';
import type { AppError } from '../errors.js';
import { queryMissing } from './query-missing.js';
import { trialIdSchema, trialNotFound } from './load-trial.js';

/**
 * The trial a call is about, read from its raw input before the input is parsed, and the answer a user who
 * is not a member of it gets: the unknown-trial answer for a `trialId`, the unknown-query answer for a
 * `queryId` (queries.answer/close/reopen carry no trial: the query's own trial is looked up). Every procedure
 * finds its trial through this one function. An id that cannot name a trial (wrong form) or a query that
 * does not exist names none: the input is refused as invalid, or the query as unknown, as for everyone.
 */
export interface CallTrial {
  trialId: string;
  /** What a non-member is told: exactly what a caller of a missing trial (or query) is told. */
  hidden: (lang: Lang) => AppError;
}

export async function trialOfInput(db: Db, raw: unknown): Promise<CallTrial | null> {
  if (typeof raw !== 'object' || raw === null) return null;
  if ('trialId' in raw) {
    const trialId = trialIdSchema.safeParse(raw.trialId);
    return trialId.success ? { trialId: trialId.data, hidden: trialNotFound } : null;
  }
  if ('queryId' in raw) {
    const id = queryIdSchema.safeParse(raw.queryId);
    const query = id.success ? await findQueryById(db, id.data) : undefined;
    return query ? { trialId: query.trialId, hidden: (lang) => queryMissing(lang, query.id) } : null;
  }
  return null;
}

interface Account {
  id: number;
  role: Role;
  centre: string | null;
}

/**
 * The role and centre an account acts with, or null when nothing grants the permission. For a call about a
 * trial: the administrator's own, or the membership's, or the non-member's answer (byte for byte the
 * loader's for an unknown trial or query). For a call about no trial (the
 * trial list, the audit trail, accounts): the first membership role that holds the permission; a permission
 * every role holds needs no membership (an account without trials may still ask which trials it has: none).
 */
export async function resolveAccess(
  deps: { db: Db; lang: Lang },
  account: Account,
  call: CallTrial | string | null,
  permission: Permission,
): Promise<Actor | null> {
  if (isInstanceAdmin(account)) return { role: account.role, centre: account.centre };
  const target = typeof call === 'string' ? { trialId: call, hidden: trialNotFound } : call;
  if (target !== null) {
    const membership = await findMembership(deps.db, account.id, target.trialId);
    if (membership) return { role: membership.role, centre: membership.centre };
    if (target.hidden === trialNotFound) throw trialNotFound(deps.lang);
    // A record keyed by its own id (a query): a non-member is answered as for an id that does not exist,
    // which is decided by the roles held elsewhere (FORBIDDEN without the permission, else unknown).
    const elsewhere = await resolveAccess(deps, account, null, permission);
    if (elsewhere && can(elsewhere.role, permission)) throw target.hidden(deps.lang);
    return null;
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

// Roles and the one permission table. Every tRPC procedure names the permission it needs; the server
// checks it (and, for centre-scoped permissions, the centre) before the procedure runs. The README
// shows this table; an integration test walks every procedure for every role against it.

export const roles = ['admin', 'pi', 'coordinator', 'steering', 'monitor'] as const;
export type Role = (typeof roles)[number];

export const permissions = [
  /** Trials list, protocol definition and settings. */
  'trial:read',
  /** Aggregates: accrual, centres, milestones, follow-up counts, outcomes, CONSORT, reports of data cuts. */
  'aggregate:read',
  /** Participant-level data (lists, participant pages, the follow-up matrix). Centre-scoped for coordinators. */
  'participant:read',
  /** New clinical records: screening, inclusion, cycles, assessments, events. Centre-scoped for coordinators. */
  'clinical:write',
  /** Corrections and voiding of saved clinical records, always with a reason. Centre-scoped for coordinators. */
  'clinical:correct',
  /** Trial settings such as the target. */
  'trial:configure',
  /** User accounts: create, change role or centre, reset password, deactivate. */
  'user:manage',
  /** The audit trail and its verification. */
  'audit:read',
  /** Freeze a data cut. */
  'datacut:create',
  /** Participant-level exports (CSV, ODM, FHIR). */
  'export:data',
  /** Data queries: open one, close it, or send it back (reopen) with a text. */
  'query:open',
  /** Answer a data query of one's own centre. Centre-scoped for coordinators. */
  'query:answer',
  /** Source data verification: mark a record or a field verified against the source. */
  'sdv:verify',
  /** Lock the trial, a participant or a record before an analysis, and lift a lock with a reason. */
  'data:lock',
  /** Sign a participant's casebook or a data cut electronically (password re-entered). */
  'casebook:sign',
  /** Committee meeting records: write one (date, attendees, data cut, recommendation, minutes) and sign it. */
  'meeting:record',
  /** Report a serious adverse event and its follow-up reports. Centre-scoped for coordinators. */
  'sae:report',
  /** Review serious adverse events and record a SUSAR's report to the authorities. */
  'sae:review',
  /** Log a protocol deviation. Centre-scoped for coordinators. */
  'deviation:record',
  /** Import clinical data from another EDC (ODM, CSV): dry run, then commit all or nothing. */
  'data:import',
] as const;
export type Permission = (typeof permissions)[number];

/** Permissions whose data are limited to the user's own centre when the role is centre-bound. */
export const centreScopedPermissions: ReadonlySet<Permission> = new Set([
  'participant:read',
  'clinical:write',
  'clinical:correct',
  'query:answer',
  'sae:report',
  'deviation:record',
]);

export const permissionTable: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'trial:read',
    'aggregate:read',
    'participant:read',
    'clinical:write',
    'clinical:correct',
    'trial:configure',
    'user:manage',
    'audit:read',
    'datacut:create',
    'export:data',
    'query:open',
    'data:lock',
    'sae:report',
    'deviation:record',
    'data:import',
  ],
  pi: [
    'trial:read',
    'aggregate:read',
    'participant:read',
    'clinical:correct',
    'audit:read',
    'datacut:create',
    'export:data',
    'query:open',
    'casebook:sign',
    'meeting:record',
    'sae:review',
  ],
  coordinator: [
    'trial:read',
    'aggregate:read',
    'participant:read',
    'clinical:write',
    'clinical:correct',
    'query:answer',
    'sae:report',
    'deviation:record',
  ],
  steering: ['trial:read', 'aggregate:read', 'meeting:record'],
  monitor: ['trial:read', 'aggregate:read', 'participant:read', 'query:open', 'sdv:verify'],
};

export function can(role: Role, permission: Permission): boolean {
  return permissionTable[role].includes(permission);
}

/** Roles bound to one centre. */
export function isCentreBound(role: Role): boolean {
  return role === 'coordinator';
}

export interface Actor {
  role: Role;
  centre: string | null;
}

/**
 * Whether an actor may touch data of `centre` under `permission`: the role must hold the permission and,
 * for a centre-bound role and a centre-scoped permission, the centre must be the actor's own.
 */
export function canAccessCentre(actor: Actor, permission: Permission, centre: string): boolean {
  if (!can(actor.role, permission)) return false;
  if (!isCentreBound(actor.role) || !centreScopedPermissions.has(permission)) return true;
  return actor.centre === centre;
}

// ---------------------------------------------------------------------------------------------------
// Trial memberships: what a person may do in a trial is the role (and, for a coordinator, the centre) of
// their membership in that trial, so one person can be PI of one trial and steering committee member of
// another. `admin` is the instance's data manager: an account role with every trial, never a membership.
// ---------------------------------------------------------------------------------------------------

/** The roles a membership gives in one trial. */
export const memberRoles = ['pi', 'coordinator', 'steering', 'monitor'] as const satisfies readonly Role[];
export type MemberRole = (typeof memberRoles)[number];

export interface TrialMembership {
  trialId: string;
  role: MemberRole;
  centre: string | null;
}

/** Whether the account administers the whole instance (every trial, accounts and memberships). */
export function isInstanceAdmin(account: { role: Role }): boolean {
  return account.role === 'admin';
}

/**
 * The role and centre an account acts with in a trial: an administrator's own in every trial, otherwise the
 * membership's in that trial, or null when the account is not a member (the trial is then unknown to it).
 */
export function accessInTrial(
  account: Actor,
  memberships: readonly TrialMembership[],
  trialId: string,
): Actor | null {
  if (isInstanceAdmin(account)) return { role: account.role, centre: account.centre };
  const membership = memberships.find((m) => m.trialId === trialId);
  return membership ? { role: membership.role, centre: membership.centre } : null;
}

/** The centre a list is limited to for this actor, or null for all centres. */
export function centreScope(actor: Actor, permission: Permission): string | null {
  return isCentreBound(actor.role) && centreScopedPermissions.has(permission) ? actor.centre : null;
}

// ---------------------------------------------------------------------------------------------------
// Accounts: the rules for usernames, passwords and the role–centre pairing, shared by the API's schemas,
// the administration CLI and the web forms so that all three accept exactly the same values. Plain values
// and functions (no zod here): the web app's first load includes this file for the permission table.
// ---------------------------------------------------------------------------------------------------

/** Usernames are stored lower-case: 3–50 letters, digits, dots, dashes or underscores. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,50}$/;

export function normaliseUsernameInput(raw: string): string {
  return raw.trim().toLowerCase();
}

/** New passwords (initial, reset or changed): long rather than complex, as NIST SP 800-63B advises. */
export const MIN_PASSWORD_LENGTH = 12;
/** An upper bound keeps scrypt's cost per login attempt bounded. */
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 100;

/**
 * Only a centre-bound role has a centre, and it must have one. Returns the problem in words, or null when
 * the pairing is right.
 */
export function centreRuleProblem(role: Role, centre: string | null): string | null {
  if (isCentreBound(role) && !centre) return 'A centre coordinator needs a centre';
  if (!isCentreBound(role) && centre) return 'Only a centre coordinator is bound to a centre';
  return null;
}

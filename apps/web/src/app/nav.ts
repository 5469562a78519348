// THE MENU. One entry per page that belongs in the side navigation; the route itself is in './routes.tsx'.
//
// HOW TO ADD A MENU ENTRY (append in your section's block):
//   { section: 'data', labelKey: 'navWorklist', path: 'worklist', scope: 'trial', roles: ENTRY_ROLES },
// - labelKey: a nav* key of src/i18n/common-messages.ts (navWorklist, navScreening, navInclude, navOutcomes,
//   navSafety, navConsort, navDataCuts, navReport, navUsers, navAudit, navLocks, navSignatures, navImport already exist in both languages).
// - path/scope: as in routes.tsx. roles: who sees the entry (derive it from the permission table with
//   `rolesWith(permission)` so that the menu and the server agree). Sections render in SECTION_ORDER.
import { can, roles as allRoles, type Permission, type Role } from '@trialdesk/domain';
import type { CommonKey } from '../i18n/common-messages';

export type NavSection = 'trial' | 'data' | 'monitoring' | 'committee' | 'admin' | 'account';

export interface NavItem {
  section: NavSection;
  labelKey: Extract<CommonKey, `nav${string}`>;
  path: string;
  scope: 'trial' | 'global';
  roles: readonly Role[];
  /**
   * Efficacy outcomes (closed before the primary analysis to the roles the trial's outcome visibility does
   * not name): shown only while the outcomes are open to the user's role in the trial on screen.
   */
  outcomes?: true;
}

/** Roles holding a permission in the domain's permission table. */
export function rolesWith(permission: Permission): readonly Role[] {
  return allRoles.filter((role) => can(role, permission));
}

const AGGREGATE_ROLES = rolesWith('aggregate:read');
export const PARTICIPANT_ROLES = rolesWith('participant:read');
export const ENTRY_ROLES = rolesWith('clinical:write');

export const SECTION_ORDER: readonly NavSection[] = [
  'trial',
  'data',
  'monitoring',
  'committee',
  'admin',
  'account',
];

const navItems: NavItem[] = [
  // --- Trial ---
  { section: 'trial', labelKey: 'navOverview', path: '', scope: 'trial', roles: AGGREGATE_ROLES },
  {
    section: 'trial',
    labelKey: 'navParticipants',
    path: 'participants',
    scope: 'trial',
    roles: PARTICIPANT_ROLES,
  },

  // --- Data entry (features/entry) ---
  { section: 'data', labelKey: 'navWorklist', path: 'worklist', scope: 'trial', roles: PARTICIPANT_ROLES },
  // Data entry is for those who read participants: the steering committee sees the screening funnel in
  // CONSORT, not a "Data entry" section.
  { section: 'data', labelKey: 'navScreening', path: 'screening', scope: 'trial', roles: PARTICIPANT_ROLES },
  { section: 'data', labelKey: 'navInclude', path: 'include', scope: 'trial', roles: ENTRY_ROLES },

  // --- Monitoring (features/monitoring) ---
  {
    section: 'monitoring',
    labelKey: 'navQueries',
    path: 'queries',
    scope: 'trial',
    roles: PARTICIPANT_ROLES,
  },
  { section: 'monitoring', labelKey: 'navSdv', path: 'sdv', scope: 'trial', roles: PARTICIPANT_ROLES },
  // Locks and signatures (features/locks, features/signatures)
  {
    section: 'monitoring',
    labelKey: 'navSignatures',
    path: 'signatures',
    scope: 'trial',
    roles: PARTICIPANT_ROLES,
  },
  { section: 'monitoring', labelKey: 'navLocks', path: 'locks', scope: 'trial', roles: PARTICIPANT_ROLES },
  // Safety reporting (features/safety-reporting): the steering committee sees the SAE counts only.
  { section: 'monitoring', labelKey: 'navSaes', path: 'saes', scope: 'trial', roles: AGGREGATE_ROLES },
  {
    section: 'monitoring',
    labelKey: 'navDeviations',
    path: 'deviations',
    scope: 'trial',
    roles: AGGREGATE_ROLES,
  },

  // --- Committee (features/committee) ---
  {
    section: 'committee',
    labelKey: 'navOutcomes',
    path: 'outcomes',
    scope: 'trial',
    roles: AGGREGATE_ROLES,
    outcomes: true,
  },
  { section: 'committee', labelKey: 'navSafety', path: 'safety', scope: 'trial', roles: AGGREGATE_ROLES },
  { section: 'committee', labelKey: 'navConsort', path: 'consort', scope: 'trial', roles: AGGREGATE_ROLES },
  {
    section: 'committee',
    labelKey: 'navDataCuts',
    path: 'data-cuts',
    scope: 'trial',
    roles: AGGREGATE_ROLES,
  },
  { section: 'committee', labelKey: 'navReport', path: 'report', scope: 'trial', roles: AGGREGATE_ROLES },

  // --- Administration (features/admin) ---
  {
    section: 'admin',
    labelKey: 'navUsers',
    path: 'admin/users',
    scope: 'global',
    roles: rolesWith('user:manage'),
  },
  {
    section: 'admin',
    labelKey: 'navAudit',
    path: 'admin/audit',
    scope: 'global',
    roles: rolesWith('audit:read'),
  },
  {
    section: 'admin',
    labelKey: 'navOutbox',
    path: 'admin/outbox',
    scope: 'global',
    roles: rolesWith('user:manage'),
  },

  // Import from another EDC (features/import): the data manager of the trial on screen.
  {
    section: 'admin',
    labelKey: 'navImport',
    path: 'import',
    scope: 'trial',
    roles: rolesWith('data:import'),
  },

  // --- Your account (features/account): every role ---
  { section: 'account', labelKey: 'navAccount', path: 'account', scope: 'global', roles: allRoles },
];

/**
 * The menu of a user: a trial's entries by their role in the trial on screen (`trialRole`), its outcome
 * entries only while the trial's outcome visibility opens them to that role (`outcomesOpen`), the pages
 * outside a trial by any role they hold (`held`: an administrator's own, else their memberships' roles);
 * while a password set by an administrator must be changed, only the account page.
 */
export function navFor(
  access: { trialRole: Role; outcomesOpen: boolean; held: readonly Role[] },
  mustChangePassword = false,
): NavItem[] {
  return navItems.filter((item) => {
    if (mustChangePassword) return item.path === ACCOUNT_PATH;
    if (item.scope === 'global')
      return item.path === ACCOUNT_PATH || access.held.some((role) => item.roles.includes(role));
    return item.roles.includes(access.trialRole) && (!item.outcomes || access.outcomesOpen);
  });
}

/** The page every user may open, and the only one while their password must change. */
export const ACCOUNT_PATH = 'account';

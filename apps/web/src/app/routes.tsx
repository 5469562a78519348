// THE ROUTE TABLE. Every page of the app is one entry here.
//
// HOW TO ADD A PAGE (one entry, appended in your area's block below):
//   { path: 'worklist', scope: 'trial', page: lazy(() => import('../features/entry/worklist-page')) },
// - scope 'trial': the page lives at /trials/:trialId/<path>; read the trial with `useTrialId()` from
//   './trial'. scope 'global': the page lives at /<path> (e.g. 'admin/users').
// - page: React.lazy of a module whose DEFAULT export is the page component, so that each page is its own
//   chunk and the first load stays small. Keep charts and heavy libraries inside your page's chunk.
// - roles (optional): who may open it, derived from the permission table with `rolesWith(permission)` as
//   the menu does; others get "not available for your role" without a request.
//   The server checks every procedure anyway; omit roles when the page should show the server's answer.
// - Then add a menu entry in './nav.ts' (label key in src/i18n/common-messages.ts, nav* keys) if the page
//   belongs in the menu. Pages use the layout's <main>; start them with <PageHeader> (one <h1>).
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from '@trialdesk/domain';
import { ENTRY_ROLES, PARTICIPANT_ROLES, rolesWith } from './nav';

export interface PageRoute {
  /** Relative to the scope, without a leading slash; '' is the scope's index page. */
  path: string;
  scope: 'trial' | 'global';
  page: LazyExoticComponent<ComponentType>;
  roles?: readonly Role[];
}

export const pageRoutes: PageRoute[] = [
  // --- Trial (web: features/overview, features/participants) ---
  { path: '', scope: 'trial', page: lazy(() => import('../features/overview/overview-page')) },
  // A role without participant access (the steering committee) gets "not available for your role" at a
  // participant URL, as for any page outside its role, without a request and without the study ID shown
  // as a heading; a coordinator of another centre still gets the server's answer for a missing one.
  {
    path: 'participants',
    scope: 'trial',
    page: lazy(() => import('../features/participants/participants-page')),
    roles: PARTICIPANT_ROLES,
  },
  {
    path: 'participants/:studyId',
    scope: 'trial',
    page: lazy(() => import('../features/participants/participant-page')),
    roles: PARTICIPANT_ROLES,
  },

  // --- Data entry (features/entry): worklist, screening, include ---
  {
    path: 'worklist',
    scope: 'trial',
    page: lazy(() => import('../features/entry/worklist-page')),
    roles: PARTICIPANT_ROLES,
  },
  {
    path: 'screening',
    scope: 'trial',
    page: lazy(() => import('../features/entry/screening-page')),
    roles: PARTICIPANT_ROLES,
  },
  {
    path: 'include',
    scope: 'trial',
    page: lazy(() => import('../features/entry/inclusion-page')),
    roles: ENTRY_ROLES,
  },
  {
    path: 'participants/:studyId/record',
    scope: 'trial',
    page: lazy(() => import('../features/entry/record-page')),
    roles: rolesWith('clinical:correct'),
  },

  // --- Monitoring (features/monitoring): data queries and source data verification ---
  {
    path: 'queries',
    scope: 'trial',
    page: lazy(() => import('../features/monitoring/queries-page')),
    roles: PARTICIPANT_ROLES,
  },
  {
    path: 'sdv',
    scope: 'trial',
    page: lazy(() => import('../features/monitoring/sdv-page')),
    roles: PARTICIPANT_ROLES,
  },

  // --- Locks and signatures (features/locks, features/signatures) ---
  {
    path: 'locks',
    scope: 'trial',
    page: lazy(() => import('../features/locks/locks-page')),
    roles: PARTICIPANT_ROLES,
  },
  {
    path: 'signatures',
    scope: 'trial',
    page: lazy(() => import('../features/signatures/casebooks-page')),
    roles: PARTICIPANT_ROLES,
  },

  // --- Safety reporting (features/safety-reporting): the SAE listing (counts only for the steering
  // committee, which does not read participants) and the protocol deviation log ---
  {
    path: 'saes',
    scope: 'trial',
    page: lazy(() => import('../features/safety-reporting/saes-page')),
  },
  {
    path: 'deviations',
    scope: 'trial',
    page: lazy(() => import('../features/safety-reporting/deviations-page')),
  },

  // --- Committee (features/committee): outcomes, safety, consort, data cuts, report ---
  { path: 'outcomes', scope: 'trial', page: lazy(() => import('../features/committee/outcomes-page')) },
  { path: 'safety', scope: 'trial', page: lazy(() => import('../features/committee/safety-page')) },
  { path: 'consort', scope: 'trial', page: lazy(() => import('../features/committee/consort-page')) },
  { path: 'data-cuts', scope: 'trial', page: lazy(() => import('../features/committee/data-cuts-page')) },
  { path: 'report', scope: 'trial', page: lazy(() => import('../features/committee/report-page')) },

  // --- Account (features/account): every user's own password; the only page open while it must change ---
  { path: 'account', scope: 'global', page: lazy(() => import('../features/account/account-page')) },

  // --- Notifications (features/notifications): every user's own list; the administrator's mail outbox ---
  {
    path: 'notifications',
    scope: 'global',
    page: lazy(() => import('../features/notifications/notifications-page')),
  },
  {
    path: 'admin/outbox',
    scope: 'global',
    page: lazy(() => import('../features/notifications/outbox-page')),
    roles: rolesWith('user:manage'),
  },

  // --- Import (features/import): the data manager brings a trial's data in from another EDC ---
  {
    path: 'import',
    scope: 'trial',
    page: lazy(() => import('../features/import/import-page')),
    roles: rolesWith('data:import'),
  },

  // --- Administration (features/admin): users, audit ---
  {
    path: 'admin/users',
    scope: 'global',
    page: lazy(() => import('../features/admin/users-page')),
    roles: rolesWith('user:manage'),
  },
  {
    path: 'admin/audit',
    scope: 'global',
    page: lazy(() => import('../features/admin/audit-page')),
    roles: rolesWith('audit:read'),
  },
];

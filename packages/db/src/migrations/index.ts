import { initialPostgres, initialSqlite } from './001-initial.js';
import { entryPostgres, entrySqlite } from './002-entry.js';
import { dataCutsPostgres, dataCutsSqlite } from './003-data-cuts.js';
import { overviewIndexesPostgres, overviewIndexesSqlite } from './004-overview-indexes.js';
import { auditTrialIndexPostgres, auditTrialIndexSqlite } from './005-audit-trial-index.js';
import { screeningCountersPostgres, screeningCountersSqlite } from './006-screening-counters.js';
import { mustChangePasswordPostgres, mustChangePasswordSqlite } from './007-must-change-password.js';
import { monitoringPostgres, monitoringSqlite } from './008-monitoring.js';
import { cycleTimingPostgres, cycleTimingSqlite } from './009-cycle-timing.js';
import { trialMembershipsPostgres, trialMembershipsSqlite } from './010-trial-memberships.js';
import { locksSignaturesPostgres, locksSignaturesSqlite } from './011-locks-signatures.js';
import { committeeMeetingsPostgres, committeeMeetingsSqlite } from './012-committee-meetings.js';
import { apiTokensPostgres, apiTokensSqlite } from './013-api-tokens.js';
import { safetyPostgres, safetySqlite } from './014-safety.js';
import { importSourceKeysPostgres, importSourceKeysSqlite } from './015-import-source-keys.js';
import { rowLevelSecurityPostgres, rowLevelSecuritySqlite } from './016-row-level-security.js';
import { notificationsPostgres, notificationsSqlite } from './017-notifications.js';
import { coveringLiveIndexesPostgres, coveringLiveIndexesSqlite } from './018-covering-live-indexes.js';
import { scheduledWindowStartsPostgres, scheduledWindowStartsSqlite } from './019-scheduled-window-starts.js';
import { inclusionCountsPostgres, inclusionCountsSqlite } from './020-inclusion-counts.js';

/**
 * One migration, written once per engine in the same file. Both forms must leave the same tables, columns
 * and constraints behind (test/migrate-postgres.pg-test.ts compares them on every PostgreSQL test run), in each engine's types:
 * SQLite INTEGER is PostgreSQL integer (bigint for ids, references to ids and the audit sequence), REAL is
 * double precision (never real), TEXT stays text (dates are ISO-8601 text on both), triggers are plpgsql.
 */
export interface Migration {
  id: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/**
 * Numbered, forward-only. Never edit a migration that has shipped: add the next one, as a file that
 * exports its SQLite and its PostgreSQL form (see 007 for a small one).
 */
export const migrations: readonly Migration[] = [
  { id: 1, name: '001-initial', sqlite: initialSqlite, postgres: initialPostgres },
  { id: 2, name: '002-entry', sqlite: entrySqlite, postgres: entryPostgres },
  { id: 3, name: '003-data-cuts', sqlite: dataCutsSqlite, postgres: dataCutsPostgres },
  { id: 4, name: '004-overview-indexes', sqlite: overviewIndexesSqlite, postgres: overviewIndexesPostgres },
  { id: 5, name: '005-audit-trial-index', sqlite: auditTrialIndexSqlite, postgres: auditTrialIndexPostgres },
  {
    id: 6,
    name: '006-screening-counters',
    sqlite: screeningCountersSqlite,
    postgres: screeningCountersPostgres,
  },
  {
    id: 7,
    name: '007-must-change-password',
    sqlite: mustChangePasswordSqlite,
    postgres: mustChangePasswordPostgres,
  },
  { id: 8, name: '008-monitoring', sqlite: monitoringSqlite, postgres: monitoringPostgres },
  { id: 9, name: '009-cycle-timing', sqlite: cycleTimingSqlite, postgres: cycleTimingPostgres },
  {
    id: 10,
    name: '010-trial-memberships',
    sqlite: trialMembershipsSqlite,
    postgres: trialMembershipsPostgres,
  },
  {
    id: 11,
    name: '011-locks-signatures',
    sqlite: locksSignaturesSqlite,
    postgres: locksSignaturesPostgres,
  },
  {
    id: 12,
    name: '012-committee-meetings',
    sqlite: committeeMeetingsSqlite,
    postgres: committeeMeetingsPostgres,
  },
  { id: 13, name: '013-api-tokens', sqlite: apiTokensSqlite, postgres: apiTokensPostgres },
  { id: 14, name: '014-safety', sqlite: safetySqlite, postgres: safetyPostgres },
  {
    id: 15,
    name: '015-import-source-keys',
    sqlite: importSourceKeysSqlite,
    postgres: importSourceKeysPostgres,
  },
  {
    id: 16,
    name: '016-row-level-security',
    sqlite: rowLevelSecuritySqlite,
    postgres: rowLevelSecurityPostgres,
  },
  { id: 17, name: '017-notifications', sqlite: notificationsSqlite, postgres: notificationsPostgres },
  {
    id: 18,
    name: '018-covering-live-indexes',
    sqlite: coveringLiveIndexesSqlite,
    postgres: coveringLiveIndexesPostgres,
  },
  {
    id: 19,
    name: '019-scheduled-window-starts',
    sqlite: scheduledWindowStartsSqlite,
    postgres: scheduledWindowStartsPostgres,
  },
  { id: 20, name: '020-inclusion-counts', sqlite: inclusionCountsSqlite, postgres: inclusionCountsPostgres },
];

// Centre scope a second time, in the database (issue 13). On PostgreSQL every participant-level table has a
// row-level security policy on the setting `trialdesk.centre` (migration 016): a centre code shows that
// centre's rows (and rows of no centre), 'all' shows every row, and an unset or empty setting shows none.
// The API runs each request's database work in the caller's scope (runInCentreScope); the connection
// driver (scoped-dialect.ts) gives every connection a request takes that scope before its first statement.
// Work that is not a user's request (start-up, migrations, the demo seed, scheduled work, the CLI) has no
// request scope and runs with all centres: the process's own work is trusted, a user's request is where a
// bug in one query could show another centre's rows.
//
// Reading across centres inside a request is allowed only through withAllCentres, so every such read is
// named in the code: the enrolment target's count, the audit chain's head, the data version behind caches
// and live notices, and aggregates that one cached answer serves to every role.
import { AsyncLocalStorage } from 'node:async_hooks';
import { sql, type Kysely } from 'kysely';
import { engineOf } from './locks.js';

/** The PostgreSQL setting the policies read. */
export const CENTRE_SETTING = 'trialdesk.centre';
/** The scope value that shows every centre's rows (PI, monitor, administrator, steering; the server itself). */
export const ALL_CENTRES = 'all';
/** A scope that shows no centre-bound row (a centre-bound role without a centre: never expected). */
export const NO_CENTRE = '';
/** The non-owner role the application's connections act as; the owner only migrates. */
export const APP_ROLE = 'trialdesk_app';

const scopeStorage = new AsyncLocalStorage<string>();

/** The scope database work started now runs with: the request's, or all centres outside a request. */
export function currentCentreScope(): string {
  return scopeStorage.getStore() ?? ALL_CENTRES;
}

/** Runs fn (and everything it starts) with the given scope: a centre code, ALL_CENTRES or NO_CENTRE. */
export function runInCentreScope<T>(scope: string, fn: () => T): T {
  return scopeStorage.run(scope, fn);
}

/**
 * The one named way to read across centres inside a request. Outside a transaction, fn's connections take
 * the scope 'all'; inside one (whose connection is already scoped), the setting is changed for the
 * transaction only (set_config(…, true), as SET LOCAL) and put back when fn ends, so the rest of the
 * transaction runs in the caller's scope again. On SQLite (no policies) it only runs fn.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema: the scope is in the connection
export async function withAllCentres<D extends Kysely<any>, T>(db: D, fn: (db: D) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return runInCentreScope(ALL_CENTRES, () => fn(db));
  if (engineOf(db) !== 'postgres' || currentCentreScope() === ALL_CENTRES)
    return runInCentreScope(ALL_CENTRES, () => fn(db));
  const before = await sql<{
    previous: string | null;
  }>`SELECT current_setting(${CENTRE_SETTING}, true) AS previous, set_config(${CENTRE_SETTING}, ${ALL_CENTRES}, true)`.execute(
    db,
  );
  const previous = before.rows[0]?.previous ?? NO_CENTRE;
  try {
    return await runInCentreScope(ALL_CENTRES, () => fn(db));
  } finally {
    // A restore that fails leaves the transaction aborted (PostgreSQL refuses every further statement of
    // it and it rolls back, local setting included), so nothing more runs with 'all': the first error is
    // the one worth reporting.
    await sql`SELECT set_config(${CENTRE_SETTING}, ${previous}, true)`.execute(db).catch(() => undefined);
  }
}

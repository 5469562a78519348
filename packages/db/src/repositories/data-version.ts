// Versions of a trial's data, read from the audit trail, for caches that must never serve a stale answer.
import type { Db } from '../database.js';
import { withAllCentres } from '../engine/centre-scope.js';
import { compiledStatement } from '../engine/compiled-statement.js';

/** Read on every cached read: compiled once (engine/compiled-statement.ts). */
const auditHead = compiledStatement(['trialId'], (db, p: { trialId: string }) =>
  db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('head'))
    .where('trial_id', '=', p.trialId),
);

/**
 * A version of one trial's data: its newest audit row. Every write is audited in its own transaction with
 * the trial it changes, so this number moves with every committed change to the trial, from this process
 * or any other, while logins and other trials' writes leave it alone.
 */
export async function dataVersion(db: Db, trialId: string): Promise<number> {
  // Cross-centre: the version of the whole trial, the same for every caller (cache keys, live notice ids).
  const row = await withAllCentres(db, (all) => auditHead.first(all, { trialId }));
  return Number(row?.head ?? 0);
}

/**
 * What the trial's audited writes in (after, upTo] touched: the centres they name, and whether any of
 * them names no centre (a trial-wide change such as a new target: everything is recomputed). Every write
 * to a participant's records is audited with that participant's centre, which never changes, so a
 * centre absent from this list has the same figures as at `after`. One range scan of the trial's index.
 */
export async function changedCentresSince(db: Db, trialId: string, after: number, upTo: number) {
  // Cross-centre: every centre's writes decide what the shared overview recomputes.
  const rows = await withAllCentres(db, (all) =>
    all
      .selectFrom('audit_log')
      .select('centre')
      .distinct()
      .where('trial_id', '=', trialId)
      .where('seq', '>', after)
      .where('seq', '<=', upTo)
      .execute(),
  );
  return {
    trialWide: rows.some((r) => r.centre === null),
    centres: rows.flatMap((r) => (r.centre === null ? [] : [r.centre])),
  };
}

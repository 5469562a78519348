// Verifies the hash-chained audit trail and names every broken link, not only the first: one bad row must
// never hide a later edit behind it. Each row is checked on its own (its content against its own hash,
// with the previous hash it stores) and as a link (its stored previous hash against the row before it),
// so the walk continues past a break and still finds the next one.
import type { Db } from '../database.js';
import { withAllCentres } from '../engine/centre-scope.js';
import { GENESIS_HASH, hashAuditRow, yieldToEventLoop } from './audit-log.js';

export type AuditProblem = 'missing_row' | 'content_changed' | 'chain_broken';

export interface AuditBreak {
  /** The row at fault; for a gap, the first missing sequence number. */
  seq: number;
  problem: AuditProblem;
  /** For a gap: how many rows are missing from `seq` on. */
  missing?: number;
}

/** At most this many breaks are listed; all of them are counted. */
export const MAX_LISTED_BREAKS = 100;

export type AuditVerification =
  | { ok: true; rows: number; total: number; lastHash: string }
  | {
      ok: false;
      /** Rows that verify before the first break. */
      rows: number;
      /** Rows read in all. */
      total: number;
      lastHash: string;
      /** The first break, as before the full list existed. */
      brokenAt: number;
      problem: AuditProblem;
      /** Every break found, and the first MAX_LISTED_BREAKS of them. */
      breakCount: number;
      breaks: AuditBreak[];
    };

/**
 * Walks the chain in sequence order, a batch at a time (keyset on seq, so a row with a forged sequence
 * number below 1 is read too), and reports every gap (rows removed), every row whose previous hash does
 * not match the row before it (reordered, inserted, or re-hashed after an edit) and every row whose
 * content no longer matches its own hash (edited).
 */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<AuditVerification> {
  const breaks: AuditBreak[] = [];
  let breakCount = 0;
  const report = (b: AuditBreak) => {
    breakCount += 1;
    if (breaks.length < MAX_LISTED_BREAKS) breaks.push(b);
  };
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let lastSeq: number | null = null;
  let total = 0;
  let rowsBeforeFirstBreak = 0;
  for (;;) {
    let q = db.selectFrom('audit_log').selectAll().orderBy('seq').limit(batchSize);
    if (lastSeq !== null) q = q.where('seq', '>', lastSeq);
    // Cross-centre: the chain runs through every centre's rows.
    const batch = await withAllCentres(db, () => q.execute());
    for (const row of batch) {
      total += 1;
      const before = breakCount;
      if (row.seq < expectedSeq) report({ seq: row.seq, problem: 'chain_broken' });
      else if (row.seq > expectedSeq)
        report({ seq: expectedSeq, problem: 'missing_row', missing: row.seq - expectedSeq });
      else if (row.prev_hash !== prevHash) report({ seq: row.seq, problem: 'chain_broken' });
      if (breakCount === before && hashAuditRow(row.prev_hash, row) !== row.hash)
        report({ seq: row.seq, problem: 'content_changed' });
      if (breakCount === 0) rowsBeforeFirstBreak += 1;
      // A row numbered below the sequence (forged before the first row) is not a link of the chain.
      if (row.seq >= expectedSeq) {
        prevHash = row.hash;
        expectedSeq = row.seq + 1;
      }
      lastSeq = row.seq;
    }
    if (batch.length < batchSize) break;
    await yieldToEventLoop();
  }
  const first = breaks[0];
  if (!first) return { ok: true, rows: total, total, lastHash: prevHash };
  return {
    ok: false,
    rows: rowsBeforeFirstBreak,
    total,
    lastHash: prevHash,
    brokenAt: first.seq,
    problem: first.problem,
    breakCount,
    breaks,
  };
}

/** Words for a verification, the same in the CLI, the backup and restore messages and the logs. */
export function describeVerification(v: AuditVerification, listed = 10): string {
  if (v.ok) return `Audit chain intact: ${v.rows} rows, last hash ${v.lastHash}.`;
  const words = (b: AuditBreak) =>
    b.problem === 'missing_row'
      ? `row ${b.seq}: ${b.missing === 1 ? 'missing' : `${b.missing} rows missing from here`}`
      : `row ${b.seq}: ${b.problem === 'content_changed' ? 'content changed' : 'chain broken'}`;
  const shown = v.breaks.slice(0, listed).map((b) => `  ${words(b)}`);
  const more = v.breakCount - shown.length;
  return [
    `Audit chain BROKEN at row ${v.brokenAt} (${v.problem.replace('_', ' ')}); ${v.rows} rows before it verify; ${v.breakCount} broken link${v.breakCount === 1 ? '' : 's'} in ${v.total} rows:`,
    ...shown,
    ...(more > 0 ? [`  … and ${more} more`] : []),
  ].join('\n');
}

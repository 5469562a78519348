// The hash-chained audit trail. Each row's hash covers the previous row's hash and the row's own content,
// including its sequence number, so an edited, removed, inserted or reordered row breaks the chain at that
// point. Rows are written inside the transaction of the change they record.
import { createHash } from 'node:crypto';
import { auditEntrySchema, canonicalJson, type AuditActor, type AuditEntry } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { lockAuditChain } from '../engine/locks.js';
import type { AuditRow } from '../schema.js';

export const GENESIS_HASH = '0'.repeat(64);

type HashedContent = Omit<AuditRow, 'hash' | 'prev_hash'>;

function contentOf(row: HashedContent): string {
  return canonicalJson({
    seq: row.seq,
    at: row.at,
    userId: row.user_id,
    username: row.username,
    role: row.role,
    ip: row.ip,
    action: row.action,
    entityType: row.entity_type,
    entityId: row.entity_id,
    trialId: row.trial_id,
    centre: row.centre,
    participant: row.participant,
    before: row.before,
    after: row.after,
    reason: row.reason,
  });
}

export function hashAuditRow(prevHash: string, row: HashedContent): string {
  return createHash('sha256').update(prevHash).update('\n').update(contentOf(row)).digest('hex');
}

/** Appends one entry. Call it with the transaction that makes the change. */
export async function appendAudit(
  trx: Db,
  actor: AuditActor,
  at: string,
  input: AuditEntry,
): Promise<number> {
  const entry = auditEntrySchema.parse(input);
  await lockAuditChain(trx);
  const last = await trx
    .selectFrom('audit_log')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row: HashedContent = {
    seq: (last?.seq ?? 0) + 1,
    at,
    user_id: actor.userId,
    username: actor.username,
    role: actor.role,
    ip: actor.ip,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    trial_id: entry.trialId,
    centre: entry.centre,
    participant: entry.participant,
    before: entry.before === null || entry.before === undefined ? null : canonicalJson(entry.before),
    after: entry.after === null || entry.after === undefined ? null : canonicalJson(entry.after),
    reason: entry.reason,
  };
  const prevHash = last?.hash ?? GENESIS_HASH;
  await trx
    .insertInto('audit_log')
    .values({ ...row, prev_hash: prevHash, hash: hashAuditRow(prevHash, row) })
    .execute();
  return row.seq;
}

/**
 * better-sqlite3 answers synchronously, so a walk over a long trail would hold the one server thread for
 * seconds (about 2.4 s per 100 000 rows here); between batches, let waiting requests run.
 */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

export type AuditVerification =
  | { ok: true; rows: number; lastHash: string }
  | {
      ok: false;
      rows: number;
      brokenAt: number;
      problem: 'missing_row' | 'content_changed' | 'chain_broken';
    };

/**
 * Walks the chain in order and reports the first broken link: a gap in the sequence (a row removed), a
 * row whose previous-hash does not match its predecessor (reordered or inserted), or a row whose content
 * no longer matches its hash (edited).
 */
export async function verifyAuditChain(db: Db, batchSize = 2000): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    for (const row of batch) {
      if (row.seq !== expectedSeq) return { ok: false, rows, brokenAt: expectedSeq, problem: 'missing_row' };
      if (row.prev_hash !== prevHash) return { ok: false, rows, brokenAt: row.seq, problem: 'chain_broken' };
      if (hashAuditRow(prevHash, row) !== row.hash)
        return { ok: false, rows, brokenAt: row.seq, problem: 'content_changed' };
      prevHash = row.hash;
      expectedSeq += 1;
      rows += 1;
    }
    if (batch.length < batchSize) return { ok: true, rows, lastHash: prevHash };
    await yieldToEventLoop();
  }
}

export interface AuditFilter {
  participant?: string;
  username?: string;
  action?: string;
  trialId?: string;
  /** Only entries of these trials (a member's view of the trail); entries without a trial are left out. */
  trialIds?: readonly string[];
  /** UTC instants (ISO-8601, as stored): `fromAt` inclusive, `untilAt` exclusive. */
  fromAt?: string;
  untilAt?: string;
}

function filtered(db: Db, filter: AuditFilter) {
  let q = db.selectFrom('audit_log').selectAll();
  if (filter.participant) q = q.where('participant', '=', filter.participant);
  if (filter.username) q = q.where('username', '=', filter.username);
  if (filter.action) q = q.where('action', '=', filter.action);
  if (filter.trialId) q = q.where('trial_id', '=', filter.trialId);
  if (filter.trialIds) q = q.where('trial_id', 'in', filter.trialIds.length ? filter.trialIds : ['']);
  if (filter.fromAt) q = q.where('at', '>=', filter.fromAt);
  if (filter.untilAt) q = q.where('at', '<', filter.untilAt);
  return q;
}

/** Newest first, a page at a time: keyset pagination on seq, so pages stay stable while rows are added. */
export async function listAudit(
  db: Db,
  filter: AuditFilter,
  page: { limit: number; beforeSeq?: number },
): Promise<AuditRow[]> {
  let q = filtered(db, filter);
  if (page.beforeSeq !== undefined) q = q.where('seq', '<', page.beforeSeq);
  return q.orderBy('seq', 'desc').limit(page.limit).execute();
}

/** Oldest first, in batches, for exports of any size without holding the whole trail in one query. */
export async function* iterateAudit(db: Db, filter: AuditFilter, batchSize = 2000): AsyncGenerator<AuditRow> {
  let afterSeq = 0;
  for (;;) {
    const batch = await filtered(db, filter)
      .where('seq', '>', afterSeq)
      .orderBy('seq', 'asc')
      .limit(batchSize)
      .execute();
    yield* batch;
    const last = batch.at(-1);
    if (!last || batch.length < batchSize) return;
    afterSeq = last.seq;
    await yieldToEventLoop();
  }
}

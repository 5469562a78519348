// The hash-chained audit trail. Each row's hash covers the previous row's hash and the row's own content,
// including its sequence number, so an edited, removed, inserted or reordered row breaks the chain at that
// point. Rows are written inside the transaction of the change they record; verify-chain.ts checks them.
import { createHash } from 'node:crypto';
import {
  auditEntrySchema,
  canonicalJson,
  storableText,
  type AuditActor,
  type AuditEntry,
} from '@trialdesk/domain';
import type { Db } from '../database.js';
import { withAllCentres } from '../engine/centre-scope.js';
import { lockAuditChain } from '../engine/locks.js';
import { compiledStatement, type StatementValue } from '../engine/compiled-statement.js';
import type { AuditRow } from '../schema.js';

export const GENESIS_HASH = '0'.repeat(64);

export type HashedContent = Omit<AuditRow, 'hash' | 'prev_hash'>;

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

/**
 * The row exactly as the database will store it. Every text column goes through storableText (a lone
 * surrogate or NUL becomes U+FFFD, as the engines do), so the hash covers the stored text and never a
 * string that the database changes on the way in. The JSON columns are canonical JSON, which escapes such
 * characters to ASCII, and pass through the same function.
 */
function storedForm(row: HashedContent): HashedContent {
  const text = (v: string | null) => (v === null ? null : storableText(v));
  return {
    ...row,
    at: storableText(row.at),
    username: text(row.username),
    role: text(row.role),
    ip: text(row.ip),
    action: storableText(row.action),
    entity_type: storableText(row.entity_type),
    entity_id: text(row.entity_id),
    trial_id: text(row.trial_id),
    centre: text(row.centre),
    participant: text(row.participant),
    before: text(row.before),
    after: text(row.after),
    reason: text(row.reason),
  };
}

/** The stored audit entry would not verify: the change it records is rolled back with it. */
export class AuditWriteError extends Error {
  constructor(readonly seq: number) {
    super(`Audit entry ${seq} would not verify as stored; the change was not saved`);
    this.name = 'AuditWriteError';
  }
}

/**
 * Appends one entry. Call it with the transaction that makes the change. The row is read back before the
 * transaction commits and its hash checked against what was stored: an entry that would not verify fails
 * the whole write (nothing is saved) instead of breaking the chain for ever.
 */
export async function appendAudit(
  trx: Db,
  actor: AuditActor,
  at: string,
  input: AuditEntry,
): Promise<number> {
  const entry = auditEntrySchema.parse(input);
  const last = heads.get(trx) ?? (await chainHead(trx));
  const row = storedForm({
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
  });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const hash = hashAuditRow(prevHash, row);
  // RETURNING gives the row as the database stored it (after its conversions and BEFORE triggers, as a
  // SELECT would read it) without a second statement; nothing can change it later in the transaction, as
  // the append-only triggers refuse every UPDATE of audit_log. Its hash is checked against the one stored.
  const stored = await insertAuditStatement.first(trx, { ...row, prev_hash: prevHash, hash });
  if (
    !stored ||
    stored.prev_hash !== prevHash ||
    stored.hash !== hash ||
    !hashesAs(stored, row, prevHash, hash)
  )
    throw new AuditWriteError(row.seq);
  // Within a transaction the write lock is held until it ends, so the row just written stays the head.
  if (trx.isTransaction) heads.set(trx, { seq: row.seq, hash });
  return row.seq;
}

/**
 * Whether the stored row hashes to `hash`. When every hashed value came back exactly as it was given, its
 * content (and so its hash) is the one just computed: no second canonical JSON and SHA-256. Otherwise the
 * stored values are hashed, as verify-chain.ts will hash them.
 */
function hashesAs(stored: HashedContent, row: HashedContent, prevHash: string, hash: string): boolean {
  const same = (Object.keys(row) as (keyof HashedContent)[]).every((k) => stored[k] === row[k]);
  return same || hashAuditRow(prevHash, stored) === hash;
}

/**
 * The chain's head as this transaction last appended it. A write that appends several entries (a
 * screening and an inclusion, an automatic query and its step) reads the head from the database once:
 * appendAudit is the only writer of audit_log, and the transaction holds the write lock from its first
 * append until it ends, so nobody else can move the head meanwhile. Keyed by the transaction object, so a
 * new transaction starts without it; a rollback to a savepoint forgets it (forgetAuditHead).
 */
const heads = new WeakMap<Db, { seq: number; hash: string }>();

/** A rollback to a savepoint may have removed entries this transaction appended: read the head again. */
export function forgetAuditHead(trx: Db): void {
  heads.delete(trx);
}

async function chainHead(trx: Db): Promise<{ seq: number; hash: string } | undefined> {
  await lockAuditChain(trx);
  // Cross-centre: the chain's head is the last row of every centre, whoever appends.
  return withAllCentres(trx, (all) => chainHeadStatement.first(all, {}));
}

// Every write appends: both statements are compiled once (engine/compiled-statement.ts).
const chainHeadStatement = compiledStatement([], (db) =>
  db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1),
);

const auditColumns = [
  'seq',
  'at',
  'user_id',
  'username',
  'role',
  'ip',
  'action',
  'entity_type',
  'entity_id',
  'trial_id',
  'centre',
  'participant',
  'before',
  'after',
  'reason',
  'prev_hash',
  'hash',
] as const satisfies readonly (keyof AuditRow)[];

const insertAuditStatement = compiledStatement(
  auditColumns,
  (db, row: Record<(typeof auditColumns)[number], StatementValue>) =>
    db
      .insertInto('audit_log')
      .values(row as never)
      .returningAll(),
);

/**
 * better-sqlite3 answers synchronously, so a walk over a long trail would hold the one server thread for
 * seconds (about 2.4 s per 100 000 rows here); between batches, let waiting requests run.
 */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

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

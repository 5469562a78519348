// Frozen data cuts: written once, read many times, never updated or deleted (the triggers of migration
// 003 refuse). The table is added to Kysely's view here with withTables, so that the shared schema file
// stays as it is.
import { createHash } from 'node:crypto';
import { canonicalJson, type IsoDate } from '@trialdesk/domain';
import type { Generated } from 'kysely';
import type { Db } from '../../database.js';

export interface DataCutsTable {
  id: Generated<number>;
  trial_id: string;
  label: string;
  as_of: string;
  created_at: string;
  created_by: number | null;
  created_by_name: string | null;
  audit_seq: number;
  participants: number;
  snapshot: string;
  content_hash: string;
}

const withCuts = (db: Db) => db.withTables<{ data_cuts: DataCutsTable }>();

export interface DataCutSummary {
  id: number;
  trialId: string;
  label: string;
  asOf: IsoDate;
  createdAt: string;
  createdBy: string | null;
  participants: number;
  contentHash: string;
}

export interface DataCutRecord extends DataCutSummary {
  auditSeq: number;
  /** The canonical JSON text exactly as stored. */
  snapshot: string;
}

/** SHA-256 (hex) of the canonical JSON of a value. */
export function contentHash(canonicalText: string): string {
  return createHash('sha256').update(canonicalText, 'utf8').digest('hex');
}

export async function lastAuditSeq(db: Db): Promise<number> {
  const row = await db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .executeTakeFirst();
  return Number(row?.seq ?? 0);
}

export async function insertDataCut(
  db: Db,
  cut: {
    trialId: string;
    label: string;
    asOf: IsoDate;
    createdAt: string;
    createdBy: { id: number; name: string } | null;
    snapshot: unknown;
    participants: number;
  },
): Promise<DataCutRecord> {
  const text = canonicalJson(cut.snapshot);
  const hash = contentHash(text);
  const auditSeq = await lastAuditSeq(db);
  const { id } = await withCuts(db)
    .insertInto('data_cuts')
    .values({
      trial_id: cut.trialId,
      label: cut.label,
      as_of: cut.asOf,
      created_at: cut.createdAt,
      created_by: cut.createdBy?.id ?? null,
      created_by_name: cut.createdBy?.name ?? null,
      audit_seq: auditSeq,
      participants: cut.participants,
      snapshot: text,
      content_hash: hash,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id,
    trialId: cut.trialId,
    label: cut.label,
    asOf: cut.asOf,
    createdAt: cut.createdAt,
    createdBy: cut.createdBy?.name ?? null,
    participants: cut.participants,
    contentHash: hash,
    auditSeq,
    snapshot: text,
  };
}

export async function dataCutLabelExists(db: Db, trialId: string, label: string): Promise<boolean> {
  const row = await withCuts(db)
    .selectFrom('data_cuts')
    .select('id')
    .where('trial_id', '=', trialId)
    .where('label', '=', label)
    .executeTakeFirst();
  return row !== undefined;
}

export async function listDataCuts(db: Db, trialId: string): Promise<DataCutSummary[]> {
  const rows = await withCuts(db)
    .selectFrom('data_cuts')
    .select([
      'id',
      'trial_id',
      'label',
      'as_of',
      'created_at',
      'created_by_name',
      'participants',
      'content_hash',
    ])
    .where('trial_id', '=', trialId)
    .orderBy('as_of', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    trialId: r.trial_id,
    label: r.label,
    asOf: r.as_of,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    participants: r.participants,
    contentHash: r.content_hash,
  }));
}

export async function findDataCut(db: Db, trialId: string, id: number): Promise<DataCutRecord | undefined> {
  const r = await withCuts(db)
    .selectFrom('data_cuts')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return {
    id: r.id,
    trialId: r.trial_id,
    label: r.label,
    asOf: r.as_of,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    participants: r.participants,
    contentHash: r.content_hash,
    auditSeq: r.audit_seq,
    snapshot: r.snapshot,
  };
}

export interface CutVerification {
  ok: boolean;
  storedHash: string;
  computedHash: string;
  /** Whether the stored text is still the canonical form of its own content. */
  canonical: boolean;
}

/** Recomputes the hash of the stored snapshot and checks that the text is canonical JSON. */
export function verifyDataCut(cut: Pick<DataCutRecord, 'snapshot' | 'contentHash'>): CutVerification {
  const computedHash = contentHash(cut.snapshot);
  let canonical = false;
  try {
    canonical = canonicalJson(JSON.parse(cut.snapshot)) === cut.snapshot;
  } catch {
    canonical = false;
  }
  return {
    ok: computedHash === cut.contentHash && canonical,
    storedHash: cut.contentHash,
    computedHash,
    canonical,
  };
}

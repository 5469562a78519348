// Data queries and their steps, as camelCase records. The query row holds the current state; the steps
// (append-only in the database) hold who did what, when and with which words.
import type { Selectable } from 'kysely';
import type { Db } from '../../database.js';
import type { QueriesTable, QueryStepsTable } from '../../schema.js';
import { readInChunks } from '../in-chunks.js';

export type QueryStatusValue = QueriesTable['status'];

export interface QueryRecord {
  id: number;
  trialId: string;
  centre: string;
  participantId: number;
  studyId: string;
  recordType: string | null;
  recordId: number | null;
  field: string | null;
  origin: 'manual' | 'auto';
  rule: string | null;
  autoKey: string | null;
  status: QueryStatusValue;
  openedAt: string;
  openedBy: number | null;
  openedByName: string;
  openedRole: string | null;
  firstAnsweredAt: string | null;
  closedAt: string | null;
  updatedAt: string;
}

export interface QueryStep {
  id: number;
  queryId: number;
  at: string;
  kind: string;
  userId: number | null;
  userName: string;
  role: string | null;
  text: string | null;
  systemKey: string | null;
  systemParams: Record<string, string | number> | null;
  correctionSeq: number | null;
}

type QueryRow = Selectable<QueriesTable> & { study_id: string };

function toQuery(r: QueryRow): QueryRecord {
  return {
    id: r.id,
    trialId: r.trial_id,
    centre: r.centre,
    participantId: r.participant_id,
    studyId: r.study_id,
    recordType: r.record_type,
    recordId: r.record_id,
    field: r.field,
    origin: r.origin,
    rule: r.rule,
    autoKey: r.auto_key,
    status: r.status,
    openedAt: r.opened_at,
    openedBy: r.opened_by,
    openedByName: r.opened_by_name,
    openedRole: r.opened_role,
    firstAnsweredAt: r.first_answered_at,
    closedAt: r.closed_at,
    updatedAt: r.updated_at,
  };
}

function toStep(r: Selectable<QueryStepsTable>): QueryStep {
  return {
    id: r.id,
    queryId: r.query_id,
    at: r.at,
    kind: r.kind,
    userId: r.user_id,
    userName: r.user_name,
    role: r.role,
    text: r.text,
    systemKey: r.system_key,
    systemParams: r.system_params ? (JSON.parse(r.system_params) as Record<string, string | number>) : null,
    correctionSeq: r.correction_seq,
  };
}

const withStudyId = (db: Db) =>
  db
    .selectFrom('queries')
    .innerJoin('participants', 'participants.id', 'queries.participant_id')
    .selectAll('queries')
    .select('participants.study_id');

export interface NewQuery {
  trialId: string;
  centre: string;
  participantId: number;
  recordType: string | null;
  recordId: number | null;
  field: string | null;
  origin: 'manual' | 'auto';
  rule: string | null;
  autoKey: string | null;
  openedAt: string;
  openedBy: number | null;
  openedByName: string;
  openedRole: string | null;
}

export async function insertQuery(trx: Db, q: NewQuery): Promise<number> {
  const row = await trx
    .insertInto('queries')
    .values({
      trial_id: q.trialId,
      centre: q.centre,
      participant_id: q.participantId,
      record_type: q.recordType,
      record_id: q.recordId,
      field: q.field,
      origin: q.origin,
      rule: q.rule,
      auto_key: q.autoKey,
      status: 'open',
      opened_at: q.openedAt,
      opened_by: q.openedBy,
      opened_by_name: q.openedByName,
      opened_role: q.openedRole,
      first_answered_at: null,
      closed_at: null,
      updated_at: q.openedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export type NewQueryStep = Omit<QueryStep, 'id'>;

export async function insertQueryStep(trx: Db, s: NewQueryStep): Promise<number> {
  const row = await trx
    .insertInto('query_steps')
    .values({
      query_id: s.queryId,
      at: s.at,
      kind: s.kind,
      user_id: s.userId,
      user_name: s.userName,
      role: s.role,
      text: s.text,
      system_key: s.systemKey,
      system_params: s.systemParams ? JSON.stringify(s.systemParams) : null,
      correction_seq: s.correctionSeq,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Moves a query to a new status; the first answer's time is kept once set, for the time to answer. */
export async function setQueryStatus(
  trx: Db,
  id: number,
  status: QueryStatusValue,
  at: string,
): Promise<void> {
  const current = await trx
    .selectFrom('queries')
    .select('first_answered_at')
    .where('id', '=', id)
    .executeTakeFirst();
  await trx
    .updateTable('queries')
    .set({
      status,
      updated_at: at,
      closed_at: status === 'closed' ? at : null,
      first_answered_at:
        status === 'answered' && !current?.first_answered_at ? at : (current?.first_answered_at ?? null),
    })
    .where('id', '=', id)
    .execute();
}

export async function findQueryById(db: Db, id: number): Promise<QueryRecord | undefined> {
  const row = await withStudyId(db).where('queries.id', '=', id).executeTakeFirst();
  return row && toQuery(row);
}

export interface QueryFilter {
  trialId: string;
  centre?: string | null;
  status?: QueryStatusValue;
  studyId?: string;
  participantId?: number;
}

/** Queries of a trial, newest activity first. */
export async function listQueries(db: Db, f: QueryFilter): Promise<QueryRecord[]> {
  let q = withStudyId(db).where('queries.trial_id', '=', f.trialId);
  if (f.centre) q = q.where('queries.centre', '=', f.centre);
  if (f.status) q = q.where('queries.status', '=', f.status);
  if (f.studyId) q = q.where('participants.study_id', '=', f.studyId);
  if (f.participantId !== undefined) q = q.where('queries.participant_id', '=', f.participantId);
  const rows = await q.orderBy('queries.updated_at', 'desc').orderBy('queries.id', 'desc').execute();
  return rows.map(toQuery);
}

export async function queryStepsOf(db: Db, queryIds: readonly number[]): Promise<QueryStep[]> {
  if (queryIds.length === 0) return [];
  // Parts in ascending id order keep the rows ordered by query, then step.
  const rows = await readInChunks(
    [...queryIds].sort((a, b) => a - b),
    (part) =>
      db
        .selectFrom('query_steps')
        .selectAll()
        .where('query_id', 'in', part)
        .orderBy('query_id')
        .orderBy('id')
        .execute(),
  );
  return rows.map(toStep);
}

/** A participant's automatic queries (any status), read inside the write that re-runs the rules. */
export async function autoQueriesOf(trx: Db, participantId: number): Promise<QueryRecord[]> {
  const rows = await withStudyId(trx)
    .where('queries.participant_id', '=', participantId)
    .where('queries.origin', '=', 'auto')
    .execute();
  return rows.map(toQuery);
}

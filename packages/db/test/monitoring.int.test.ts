// Monitoring tables on both engines (this file runs on SQLite and, with TEST_DATABASE_URL, on PostgreSQL):
// a query and its append-only steps, the one automatic query per rule key, SDV marks with at most one
// current mark per record and field, and the marks a correction ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { OpenDatabase } from '../src/database.js';
import { execute, openTestDatabase, DEFAULT_TEST_SEED } from '../src/testing/index.js';
import {
  autoQueriesOf,
  currentSdvMark,
  findQueryById,
  insertQuery,
  insertQueryStep,
  insertSdvMark,
  invalidateSdvMarks,
  listQueries,
  listSdvMarks,
  queryStepsOf,
  sdvRecords,
  setQueryStatus,
  type NewQuery,
} from '../src/repositories/monitoring/index.js';
import { findParticipant } from '../src/repositories/participants/index.js';

let open: OpenDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

async function setUp(studyId = 'PUMP3-EMC-001') {
  open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
  const p = await findParticipant(open.db, 'pump-iii', studyId);
  if (!p) throw new Error(`demo participant ${studyId} missing`);
  return { db: open.db, p };
}

/** A demo participant whose casebook the demo has not started verifying, so that every mark is the test's. */
async function unverified() {
  const { db } = await setUp();
  const row = await db
    .selectFrom('participants')
    .select('study_id')
    .where('trial_id', '=', 'pump-iii')
    .where('id', 'not in', db.selectFrom('sdv_marks').select('participant_id'))
    .orderBy('id')
    .executeTakeFirstOrThrow();
  const p = await findParticipant(db, 'pump-iii', row.study_id);
  if (!p) throw new Error('no participant');
  return { db, p };
}

const newQuery = (p: { id: number; centre: string }, extra: Partial<NewQuery> = {}): NewQuery => ({
  trialId: 'pump-iii',
  centre: p.centre,
  participantId: p.id,
  recordType: null,
  recordId: null,
  field: null,
  origin: 'manual',
  rule: null,
  autoKey: null,
  openedAt: '2026-11-20T09:00:00.000Z',
  openedBy: null,
  openedByName: 'Monitor',
  openedRole: 'monitor',
  ...extra,
});

describe('queries', () => {
  it('keeps the state on the query and the conversation in append-only steps', async () => {
    const { db, p } = await setUp();
    const id = await insertQuery(db, newQuery(p));
    await insertQueryStep(db, {
      queryId: id,
      at: '2026-11-20T09:00:00.000Z',
      kind: 'open',
      userId: null,
      userName: 'Monitor',
      role: 'monitor',
      text: 'Which consent version?',
      systemKey: null,
      systemParams: null,
      correctionSeq: null,
    });
    await setQueryStatus(db, id, 'answered', '2026-11-22T09:00:00.000Z');
    await setQueryStatus(db, id, 'open', '2026-11-23T09:00:00.000Z');
    await setQueryStatus(db, id, 'answered', '2026-11-24T09:00:00.000Z');
    await setQueryStatus(db, id, 'closed', '2026-11-25T09:00:00.000Z');
    expect(await findQueryById(db, id)).toMatchObject({
      studyId: 'PUMP3-EMC-001',
      status: 'closed',
      firstAnsweredAt: '2026-11-22T09:00:00.000Z',
      closedAt: '2026-11-25T09:00:00.000Z',
    });
    const avl = await listQueries(db, { trialId: 'pump-iii', centre: 'AVL' });
    expect(avl.every((q) => q.centre === 'AVL')).toBe(true);
    expect(avl.map((q) => q.id)).not.toContain(id);
    const own = await listQueries(db, { trialId: 'pump-iii', studyId: 'PUMP3-EMC-001' });
    expect(own.map((q) => q.id)).toContain(id);
    expect(own.every((q) => q.studyId === 'PUMP3-EMC-001')).toBe(true);
    const steps = await queryStepsOf(db, [id]);
    expect(steps.map((s) => s.text)).toEqual(['Which consent version?']);
    await expect(execute(db, "UPDATE query_steps SET text = 'x'")).rejects.toThrow(/append-only/);
    await expect(execute(db, 'DELETE FROM query_steps')).rejects.toThrow(/append-only/);
  });

  it('opens one automatic query per participant and rule key', async () => {
    const { db, p } = await setUp();
    const auto = newQuery(p, {
      origin: 'auto',
      rule: 'missing_value',
      autoKey: 'missing_value:assessment:1:cea',
    });
    await insertQuery(db, auto);
    await expect(insertQuery(db, auto)).rejects.toThrow(/unique|UNIQUE/);
    expect(await autoQueriesOf(db, p.id)).toHaveLength(1);
  });
});

describe('SDV marks', () => {
  it('holds one current mark per record and field, and a correction ends the marks it touches', async () => {
    const { db, p } = await unverified();
    const mark = (field: string | null) =>
      insertSdvMark(db, {
        trialId: 'pump-iii',
        centre: p.centre,
        participantId: p.id,
        recordType: 'participant',
        recordId: p.id,
        field,
        verifiedAt: '2026-11-20T09:00:00.000Z',
        verifiedBy: null,
        verifiedByName: 'Monitor',
      });
    const whole = await mark(null);
    await mark('consentDate');
    await mark('sex');
    await expect(mark(null)).rejects.toThrow(/unique|UNIQUE/);
    const ended = await invalidateSdvMarks(
      db,
      { recordType: 'participant', recordId: p.id, fields: ['consentDate'] },
      { userId: null, name: 'Coordinator', at: '2026-11-21T09:00:00.000Z', cause: 'corrected' },
    );
    expect(ended.map((m) => m.field).sort()).toEqual(['consentDate', null].sort());
    expect(await currentSdvMark(db, 'participant', p.id, null)).toBeUndefined();
    expect(await currentSdvMark(db, 'participant', p.id, 'sex')).toMatchObject({ field: 'sex' });
    // A new mark after the end is allowed: the ended one stays as history.
    expect(await mark(null)).not.toBe(whole);
    const all = await listSdvMarks(db, { trialId: 'pump-iii', participantId: p.id });
    expect(all.filter((m) => m.invalidatedAt).map((m) => m.invalidatedFields)).toEqual([
      ['consentDate'],
      ['consentDate'],
    ]);
  });

  it('the demo carries queries in every state at every centre, and SDV marks on part of the casebooks', async () => {
    const { db } = await setUp();
    const queries = await listQueries(db, { trialId: 'pump-iii' });
    for (const centre of ['EMC', 'IJS', 'AVL'])
      expect(new Set(queries.filter((q) => q.centre === centre).map((q) => q.status))).toEqual(
        new Set(['open', 'answered', 'closed']),
      );
    const marked = new Set((await listSdvMarks(db, { trialId: 'pump-iii' })).map((m) => m.participantId));
    expect(marked.size).toBeGreaterThan(10);
    expect(marked.size).toBeLessThan(45);
    expect(await listQueries(db, { trialId: 'artery-2' })).toEqual([]);
  });

  it('lists every current record of the participants that count', async () => {
    const { db, p } = await setUp();
    const records = await sdvRecords(db, { trialId: 'pump-iii', participantId: p.id });
    expect(records[0]).toMatchObject({ recordType: 'participant', recordId: p.id, studyId: 'PUMP3-EMC-001' });
    expect(records.filter((r) => r.recordType === 'cycle').length).toBeGreaterThan(0);
    expect(new Set(records.map((r) => r.centre))).toEqual(new Set(['EMC']));
  });
});

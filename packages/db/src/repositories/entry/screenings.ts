// The screening log: pseudonymous screening numbers per centre (SCR-EMC-014), gap-free because they are
// taken inside the write transaction and rows are never deleted, and the screening funnel per centre.
import type { Db } from '../../database.js';
import { compiledStatement, type StatementValue } from '../../engine/compiled-statement.js';
import {
  parseCriteria,
  toScreening,
  voidedOf,
  type Created,
  type Screening,
  type ScreeningValues,
} from '../participants/records.js';

export function formatScreeningNumber(centre: string, seq: number): string {
  return `SCR-${centre}-${String(seq).padStart(3, '0')}`;
}

/**
 * The next number of a centre, from its counter (voided rows keep their numbers). Called inside the
 * writing transaction, so a rolled-back screening gives its number back and numbers stay gap-free.
 */
export async function nextScreeningNumber(trx: Db, trialId: string, centre: string): Promise<string> {
  const row = await nextScreeningStatement.first(trx, { trialId, centre });
  if (!row) throw new Error('The screening counter returned no row');
  return formatScreeningNumber(centre, row.last_seq);
}

// Compiled once (engine/compiled-statement.ts): every inclusion runs these two.
const nextScreeningStatement = compiledStatement(
  ['trialId', 'centre'],
  (db, p: { trialId: string; centre: string }) =>
    db
      .insertInto('screening_counters')
      .values({ trial_id: p.trialId, centre: p.centre, last_seq: 1 })
      .onConflict((oc) =>
        oc
          .columns(['trial_id', 'centre'])
          .doUpdateSet((eb) => ({ last_seq: eb('screening_counters.last_seq', '+', 1) })),
      )
      .returning('last_seq'),
);

const screeningColumns = [
  'trial_id',
  'centre',
  'screening_number',
  'screening_date',
  'outcome',
  'failed_criteria',
  'reason',
  'participant_id',
  'created_at',
  'created_by',
  'voided_at',
  'voided_by',
  'void_reason',
] as const;

const insertScreeningStatement = compiledStatement(
  screeningColumns,
  (db, row: Record<(typeof screeningColumns)[number], StatementValue>) =>
    db
      .insertInto('screenings')
      .values(row as never)
      .returning('id'),
);

export interface NewScreening extends ScreeningValues, Created {
  trialId: string;
  centre: string;
  screeningNumber: string;
  participantId: number | null;
}

export async function insertScreening(trx: Db, s: NewScreening): Promise<number> {
  const row = await insertScreeningStatement.first(trx, {
    trial_id: s.trialId,
    centre: s.centre,
    screening_number: s.screeningNumber,
    screening_date: s.screeningDate,
    outcome: s.outcome,
    failed_criteria: JSON.stringify(s.failedCriteria),
    reason: s.reason,
    participant_id: s.participantId,
    created_at: s.createdAt,
    created_by: s.createdBy,
    voided_at: null,
    voided_by: null,
    void_reason: null,
  });
  if (!row) throw new Error('The screening insert returned no row');
  return row.id;
}

export async function findScreening(
  db: Db,
  trialId: string,
  screeningNumber: string,
): Promise<Screening | undefined> {
  const row = await db
    .selectFrom('screenings')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('screening_number', '=', screeningNumber)
    .executeTakeFirst();
  return row && toScreening(row);
}

/** The current screening an inclusion created or linked, if any. */
export async function findScreeningOfParticipant(
  db: Db,
  participantId: number,
): Promise<Screening | undefined> {
  const row = await db
    .selectFrom('screenings')
    .selectAll()
    .where('participant_id', '=', participantId)
    .where('voided_at', 'is', null)
    .executeTakeFirst();
  return row && toScreening(row);
}

export async function updateScreening(
  trx: Db,
  id: number,
  v: Partial<ScreeningValues & { participantId: number }>,
): Promise<void> {
  await trx
    .updateTable('screenings')
    .set({
      screening_date: v.screeningDate,
      outcome: v.outcome,
      failed_criteria: v.failedCriteria === undefined ? undefined : JSON.stringify(v.failedCriteria),
      reason: v.reason,
      participant_id: v.participantId,
    })
    .where('id', '=', id)
    .execute();
}

export async function listScreenings(
  db: Db,
  trialId: string,
  centre: string | null,
  page: { offset: number; limit: number },
) {
  let q = db
    .selectFrom('screenings as s')
    .leftJoin('participants as p', 'p.id', 's.participant_id')
    .where('s.trial_id', '=', trialId);
  if (centre) q = q.where('s.centre', '=', centre);
  const total = await q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q
    .select([
      's.id',
      's.screening_number',
      's.centre',
      's.screening_date',
      's.outcome',
      's.failed_criteria',
      's.reason',
      's.voided_at',
      's.voided_by',
      's.void_reason',
      'p.study_id',
    ])
    .orderBy('s.screening_date', 'desc')
    .orderBy('s.id', 'desc')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  return {
    total: Number(total.n),
    rows: rows.map((r) => ({
      screeningNumber: r.screening_number,
      centre: r.centre,
      screeningDate: r.screening_date,
      outcome: r.outcome,
      failedCriteria: parseCriteria(r.failed_criteria),
      reason: r.reason,
      studyId: r.study_id,
      voided: voidedOf({ voided_at: r.voided_at, voided_by: r.voided_by, void_reason: r.void_reason }),
    })),
  };
}

export interface CentreFunnel {
  centre: string;
  screened: number;
  included: number;
  notEligible: number;
  declined: number;
  other: number;
  /** Not-eligible candidates per failing criterion (a candidate may fail several). */
  notEligibleByCriterion: Record<string, number>;
}

/**
 * Screened candidates per centre by outcome; voided rows are left out. "Included" counts participants
 * (not voided), never screening rows, so the funnel cannot show an inclusion without a participant: a
 * row logged as included that has no current participant behind it (an old entry, or one whose
 * participant was voided) is counted under "other", as CONSORT counts it. Screened is the sum of the four.
 */
export async function screeningFunnel(
  db: Db,
  trialId: string,
  centre: string | null,
): Promise<CentreFunnel[]> {
  let q = db
    .selectFrom('screenings as s')
    .leftJoin('participants as p', (j) =>
      j.onRef('p.id', '=', 's.participant_id').on('p.voided_at', 'is', null),
    )
    .select(['s.centre', 's.outcome', 's.failed_criteria', 'p.id as participant_id'])
    .where('s.trial_id', '=', trialId)
    .where('s.voided_at', 'is', null);
  if (centre) q = q.where('s.centre', '=', centre);
  let pq = db
    .selectFrom('participants')
    .select((eb) => ['centre', eb.fn.countAll<number>().as('n')])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .groupBy('centre');
  if (centre) pq = pq.where('centre', '=', centre);
  const [rows, included] = await Promise.all([q.execute(), pq.execute()]);
  const byCentre = new Map<string, CentreFunnel>();
  const funnel = (code: string): CentreFunnel => {
    let f = byCentre.get(code);
    if (!f) {
      f = {
        centre: code,
        screened: 0,
        included: 0,
        notEligible: 0,
        declined: 0,
        other: 0,
        notEligibleByCriterion: {},
      };
      byCentre.set(code, f);
    }
    return f;
  };
  for (const r of included) {
    const f = funnel(r.centre);
    f.included += Number(r.n);
    f.screened += Number(r.n);
  }
  for (const r of rows) {
    // Counted above from the participants.
    if (r.outcome === 'included' && r.participant_id !== null) continue;
    const f = funnel(r.centre);
    f.screened += 1;
    if (r.outcome === 'included' || r.outcome === 'other') f.other += 1;
    if (r.outcome === 'declined') f.declined += 1;
    if (r.outcome === 'not_eligible') {
      f.notEligible += 1;
      for (const id of parseCriteria(r.failed_criteria))
        f.notEligibleByCriterion[id] = (f.notEligibleByCriterion[id] ?? 0) + 1;
    }
  }
  return [...byCentre.values()];
}

// Inputs and counters shared by the data-entry tests. Candidates are written by hand to meet each
// protocol comfortably; tests change one thing at a time.
import { engineOf, type Db } from '@trialdesk/db';
import { asTableOwner, execute } from '@trialdesk/db/testing';
import type { TRPCError } from '@trpc/server';
import { expect } from 'vitest';
import { expectCode, type Harness } from './harness.js';

/** An ARTERY-2 candidate at the demo's today (2026-11-26): eligible on every criterion. */
export function arteryInclusion(overrides: Record<string, unknown> = {}) {
  return {
    trialId: 'artery-2',
    inclusionDate: '2026-11-25',
    consentDate: '2026-11-20',
    labDate: '2026-11-10',
    sex: 'female' as const,
    answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
    measures: {
      age: { value: 61 },
      ecog: { value: 1 },
      anc: { value: 3.1 },
      platelets: { value: 210 },
      bilirubin: { value: 12, uln: 17 },
      egfr: { value: 74 },
    },
    ...overrides,
  };
}

/** A PUMP-III candidate (labs within 15 days, consent before inclusion). */
export function pumpInclusion(overrides: Record<string, unknown> = {}) {
  return {
    trialId: 'pump-iii',
    inclusionDate: '2026-11-20',
    consentDate: '2026-11-18',
    labDate: '2026-11-10',
    sex: 'male' as const,
    answers: {
      recurrentResectableCrlm: true,
      histologyProven: true,
      liverOnlyRecurrence: true,
      recurrenceConfirmedResectable: true,
      catheterFeasible: true,
      informedConsent: true,
      extrahepaticDisease: false,
      secondPrimary: false,
      twoStageResection: false,
      earlySameSiteRecurrence: false,
      dpdDeficiency: false,
      pregnantOrLactating: false,
      psychiatricHistory: false,
      seriousSystemicDisease: false,
      organTransplant: false,
      nonHealingWounds: false,
      chronicCorticosteroids: false,
      seriousInfection: false,
      otherSurvivalTrial: false,
      complianceBarrier: false,
    },
    measures: {
      age: { value: 66 },
      ecog: { value: 0 },
      anc: { value: 4 },
      platelets: { value: 250 },
      hb: { value: 8.4 },
      bilirubin: { value: 10, uln: 17 },
      asat: { value: 30, uln: 35 },
      alat: { value: 30, uln: 45 },
      alp: { value: 110, uln: 120 },
      egfr: { value: 80 },
    },
    ...overrides,
  };
}

export const clinicalTables = [
  'participants',
  'screenings',
  'treatment_cycles',
  'assessment_slots',
  'assessments',
  'events',
  'study_id_counters',
  'trials',
  'queries',
  'query_steps',
  'sdv_marks',
  'audit_log',
] as const;

/** Row counts of every clinical table and the audit log, to prove a refused write left nothing behind. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of clinicalTables) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** A fingerprint of every mutable clinical column, so an update that was rolled back is caught too. */
export async function stateFingerprint(db: Db): Promise<string> {
  const parts = await Promise.all([
    db.selectFrom('participants').selectAll().orderBy('id').execute(),
    db.selectFrom('screenings').selectAll().orderBy('id').execute(),
    db.selectFrom('treatment_cycles').selectAll().orderBy('id').execute(),
    db.selectFrom('assessment_slots').selectAll().orderBy('id').execute(),
    db.selectFrom('assessments').selectAll().orderBy('id').execute(),
    db.selectFrom('events').selectAll().orderBy('id').execute(),
    db.selectFrom('study_id_counters').selectAll().orderBy('trial_id').orderBy('centre').execute(),
    db.selectFrom('trials').select(['id', 'definition']).orderBy('id').execute(),
    db.selectFrom('queries').selectAll().orderBy('id').execute(),
    db.selectFrom('sdv_marks').selectAll().orderBy('id').execute(),
  ]);
  return JSON.stringify(parts);
}

/**
 * Expects the call to be refused with `code` and to leave every clinical table exactly as it was: the same
 * row counts and the same values (an update rolled back is caught by the fingerprint).
 */
export async function refusedUnchanged(
  h: Harness,
  call: Promise<unknown>,
  code: TRPCError['code'],
): Promise<TRPCError> {
  // The call runs while the state is read: its refusal is awaited below, not lost as unhandled.
  void call.catch(() => undefined);
  const counts = await rowCounts(h.open.db);
  const before = await stateFingerprint(h.open.db);
  const error = await expectCode(call, code);
  expect(await rowCounts(h.open.db)).toEqual(counts);
  expect(await stateFingerprint(h.open.db)).toBe(before);
  return error;
}

/**
 * The latest audit row of a write itself, skipping logins (tests log in between writes) and the monitoring
 * entries a clinical write causes after its own (automatic queries, ended SDV marks, automatic deviations).
 */
export async function lastAudit(h: Harness) {
  return (
    h.open.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', 'not like', 'auth.%')
      .where('action', 'not like', 'query.%')
      .where('action', 'not like', 'sdv.%')
      // A deviation the system logs by rule (an out-of-window cycle or visit) follows the write that caused it.
      .where((eb) =>
        eb.or([
          eb('action', '!=', 'deviation.recorded'),
          eb('reason', 'is', null),
          eb('reason', 'not like', 'rule:%'),
        ]),
      )
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow()
  );
}

export async function participantRow(h: Harness, trialId: string, studyId: string) {
  return h.open.db
    .selectFrom('participants')
    .selectAll()
    .where('trial_id', '=', trialId)
    .where('study_id', '=', studyId)
    .executeTakeFirstOrThrow();
}

/** A caller logged in as `username` whose requests ask for Dutch (the x-trialdesk-lang header). */
export async function asDutch(h: Harness, username: string) {
  const { createCaller } = await import('../src/root.js');
  const { createContext } = await import('../src/context.js');
  const { jar } = await h.as(username);
  return createCaller(
    await createContext({
      db: h.open.db,
      clock: () => h.clock.now,
      live: h.live,
      cookies: jar,
      lang: 'nl',
      auth: h.auth,
    }),
  );
}

/** Field messages of a refused call (the AppError's fields). */
export function fieldsOf(error: unknown): Record<string, string[]> {
  return (error as { fields?: Record<string, string[]> }).fields ?? {};
}

/**
 * A change log for property tests: triggers count every inserted, updated or deleted row of the clinical
 * tables and the audit log. The log table takes part in transactions, so a rolled-back write leaves the
 * count unchanged, and any committed change, even an UPDATE, moves it. (SQLite: temporary triggers on this
 * connection; PostgreSQL: triggers in the harness's own throwaway database.)
 */
export async function installChangeLog(h: Harness): Promise<() => Promise<number>> {
  const pg = engineOf(h.open.db) === 'postgres';
  // Schema changes: on PostgreSQL as the tables' owner (the application's role may not make triggers).
  await asTableOwner(h.open.db, async (owner) => {
    await execute(
      owner,
      pg
        ? 'CREATE TABLE IF NOT EXISTS entry_changes (tbl TEXT NOT NULL)'
        : 'CREATE TEMP TABLE IF NOT EXISTS entry_changes (tbl TEXT NOT NULL)',
    );
    if (pg)
      await execute(
        owner,
        `CREATE OR REPLACE FUNCTION entry_changes_log() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN INSERT INTO entry_changes (tbl) VALUES (TG_TABLE_NAME); RETURN NULL; END $$`,
      );
    for (const t of clinicalTables)
      for (const op of ['INSERT', 'UPDATE', 'DELETE']) {
        const name = `entry_changes_${t}_${op.toLowerCase()}`;
        await execute(
          owner,
          pg
            ? `CREATE OR REPLACE TRIGGER ${name} AFTER ${op} ON ${t} FOR EACH ROW EXECUTE FUNCTION entry_changes_log()`
            : `CREATE TEMP TRIGGER IF NOT EXISTS ${name} AFTER ${op} ON main.${t}
               BEGIN INSERT INTO entry_changes (tbl) VALUES ('${t}'); END`,
        );
      }
  });
  return async () => Number((await h.row<{ n: number }>('SELECT COUNT(*) AS n FROM entry_changes'))!.n);
}

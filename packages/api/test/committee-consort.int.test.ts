// Every CONSORT box adds up, on the demo and on generated cohorts of several seeds and sizes (each in
// a fresh in-memory database), and the headline boxes equal counts made directly in SQL.
import { consortFlow, builtInTrial, type ConsortFlow } from '@trialdesk/domain';
import { generateCohort, insertCohort, insertTrial, loadTrialDataset } from '@trialdesk/db';
import { openTestDatabase } from '@trialdesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

function expectPartitions(f: ConsortFlow): void {
  const s = f.screening;
  expect(s.notEligible + s.declined + s.other.count + s.included).toBe(s.screened);
  expect(s.other.reasons.reduce((n, r) => n + r.count, 0)).toBe(s.other.count);
  // Every not-eligible candidate has at least one reason, and no reason counts more than the box.
  expect(s.notEligibleReasons.reduce((n, r) => n + r.count, 0)).toBeGreaterThanOrEqual(s.notEligible);
  for (const r of s.notEligibleReasons) expect(r.count).toBeLessThanOrEqual(s.notEligible);
  const t = f.treatment;
  expect(t.included).toBe(s.included);
  expect(t.notOperated + t.operated).toBe(t.included);
  expect(t.operatedWithoutPump + t.withPump).toBe(t.operated);
  expect(t.withoutPumpReasons.reduce((n, r) => n + r.count, 0)).toBe(t.operatedWithoutPump);
  expect(t.notStarted + t.startedHaip).toBe(t.withPump);
  expect(t.reachedFinalCycle + t.stopped.count + t.onTreatment + t.endedEarly).toBe(t.startedHaip);
  expect(t.stopped.reasons.reduce((n, r) => n + r.count, 0)).toBe(t.stopped.count);
  const u = f.followUp;
  expect(u.included).toBe(s.included);
  expect(u.notStarted + u.inFollowUp + u.completed + u.died + u.withdrawn + u.lostToFollowUp).toBe(
    u.included,
  );
  for (const a of f.analysis) {
    expect(a.included).toBe(s.included);
    expect(a.analysed + a.excluded).toBe(a.included);
    expect(a.events + a.censored).toBe(a.analysed);
    expect(a.excluded).toBe(u.notStarted);
  }
}

describe('on the demo', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());
  const n = async (q: string) => Number((await h.row<{ n: number }>(q))!.n);

  it('adds up, and the boxes equal the database', async () => {
    const { flow } = await (await h.as('steering')).committee.consort.get({ trialId: 'pump-iii' });
    expectPartitions(flow);
    const where = "trial_id = 'pump-iii' AND voided_at IS NULL";
    expect(flow.screening.screened).toBe(await n(`SELECT COUNT(*) AS n FROM screenings WHERE ${where}`));
    expect(flow.screening.notEligible).toBe(
      await n(`SELECT COUNT(*) AS n FROM screenings WHERE ${where} AND outcome = 'not_eligible'`),
    );
    expect(flow.screening.declined).toBe(
      await n(`SELECT COUNT(*) AS n FROM screenings WHERE ${where} AND outcome = 'declined'`),
    );
    expect(flow.screening.included).toBe(45);
    expect(flow.treatment.withPump).toBe(
      await n(`SELECT COUNT(*) AS n FROM participants WHERE ${where} AND pump_date IS NOT NULL`),
    );
    expect(flow.treatment.startedHaip).toBe(
      await n(
        `SELECT COUNT(DISTINCT participant_id) AS n FROM treatment_cycles WHERE ${where} AND modification NOT IN ('skipped', 'stopped')`,
      ),
    );
    // Stopped counts among those who started HAIP: a pump whose treatment was stopped before any infusion
    // (the demo's hepatic artery thrombosis before cycle 1) never started.
    expect(flow.treatment.stopped.count).toBe(
      await n(
        `SELECT COUNT(DISTINCT participant_id) AS n FROM treatment_cycles c WHERE ${where} AND modification = 'stopped'
           AND EXISTS (SELECT 1 FROM treatment_cycles g WHERE g.participant_id = c.participant_id
             AND g.voided_at IS NULL AND g.modification NOT IN ('skipped', 'stopped'))`,
      ),
    );
    // The demo is as of 2026-11-26: off study before the end of follow-up, by reason.
    const off = (reason: string) =>
      n(
        `SELECT COUNT(*) AS n FROM participants WHERE ${where} AND off_study_reason = '${reason}' AND off_study_date < follow_up_end`,
      );
    expect(flow.followUp.died).toBe(await off('died'));
    expect(flow.followUp.withdrawn).toBe(await off('withdrawn'));
    expect(flow.followUp.lostToFollowUp).toBe(await off('lost_to_follow_up'));
    expect(flow.followUp.completed).toBe(
      await n(`SELECT COUNT(*) AS n FROM participants WHERE ${where} AND follow_up_end <= '2026-11-26'
         AND (off_study_date IS NULL OR off_study_date >= follow_up_end)`),
    );
  });

  it('counts "reached cycle 6" and "received all 6 cycles" alike on CONSORT, Safety and in SQL', async () => {
    const steering = await h.as('steering');
    const { flow } = await steering.committee.consort.get({ trialId: 'pump-iii' });
    const { safety } = await steering.committee.safety.get({ trialId: 'pump-iii' });
    const given = `trial_id = 'pump-iii' AND voided_at IS NULL AND modification NOT IN ('skipped', 'stopped')`;
    // Reached cycle 6: cycle 6 was given.
    const reached = await n(`SELECT COUNT(*) AS n FROM treatment_cycles WHERE ${given} AND cycle = 6`);
    // Received all six: six distinct cycles 1–6 given.
    const all = await n(`SELECT COUNT(*) AS n FROM (SELECT participant_id FROM treatment_cycles WHERE ${given}
       AND cycle BETWEEN 1 AND 6 GROUP BY participant_id HAVING COUNT(DISTINCT cycle) = 6) AS complete`);
    expect(flow.treatment).toMatchObject({ reachedFinalCycle: reached, receivedAllCycles: all });
    expect(safety.delivery).toMatchObject({ reachedFinalCycle: reached, receivedAllCycles: all });
    expect(safety.delivery.cyclesGiven.find((c) => c.cycles === 6)?.participants).toBe(all);
    // The demo has participants who skipped a cycle and still reached cycle 6: the two numbers differ.
    expect(reached).toBeGreaterThan(all);
  });
});

describe('on generated cohorts', () => {
  const cases = [
    { trial: 'pump-iii', seed: 1, participants: 45, asOf: '2026-11-26' },
    { trial: 'pump-iii', seed: 7, participants: 20, asOf: '2022-03-15' },
    { trial: 'pump-iii', seed: 42, participants: 120, asOf: '2028-06-30' },
    { trial: 'artery-2', seed: 3, participants: 40, asOf: '2026-11-26' },
    { trial: 'artery-2', seed: 11, participants: 5, asOf: '2025-06-01' },
  ];
  it.each(cases)('$trial seed $seed, $participants participants as of $asOf', async (c) => {
    const def = builtInTrial(c.trial);
    const open = await openTestDatabase();
    try {
      const now = `${c.asOf}T10:00:00.000Z`;
      const cohort = generateCohort({
        definition: def,
        seed: c.seed,
        asOf: c.asOf,
        participants: c.participants,
      });
      await open.db.transaction().execute(async (trx) => {
        await insertTrial(trx, def, true, now);
        await insertCohort(trx, def, cohort, now);
      });
      const data = await loadTrialDataset(open.db, { id: def.id, synthetic: true }, c.asOf);
      const flow = consortFlow(def, data);
      expectPartitions(flow);
      expect(flow.screening.included).toBe(cohort.participants.length);
      expect(flow.screening.screened).toBe(cohort.screenings.length);
      expect(flow.treatment.withPump).toBe(cohort.participants.filter((p) => p.pumpDate !== null).length);
      expect(flow.followUp.died).toBe(
        cohort.participants.filter((p) => p.offStudy?.reason === 'died' && p.timeZero !== null).length -
          cohort.participants.filter(
            (p) =>
              p.offStudy?.reason === 'died' &&
              p.timeZero !== null &&
              p.offStudy.date >= addFollowUp(p.timeZero, def.followUpMonths),
          ).length,
      );
    } finally {
      await open.close();
    }
  });
});

function addFollowUp(timeZero: string, months: number): string {
  const [y, m, d] = timeZero.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

// Outcomes, safety and CONSORT for the committee on the demo, checked against counts made directly in
// SQL; the per-participant endpoint table and who may see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysBetween } from '@trialdesk/db/testing';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'pump-iii';

/** One number from SQL run directly on the database, independent of the code under test. */
async function count(query: string, ...params: unknown[]): Promise<number> {
  const row = await h.row<{ n: number }>(query, ...params);
  return Number(row?.n ?? NaN);
}

function countDistinct(where: string): Promise<number> {
  return count(
    `SELECT COUNT(DISTINCT e.participant_id) AS n FROM events e JOIN participants p ON p.id = e.participant_id
     WHERE e.trial_id = ? AND e.voided_at IS NULL AND p.time_zero IS NOT NULL AND (${where})`,
    trialId,
  );
}

describe('outcomes', () => {
  it('has hDFS, DFS and OS with event counts equal to the recorded events', async () => {
    const steering = await h.as('steering');
    const { outcomes, source } = await steering.committee.outcomes.get({ trialId });
    expect(source).toMatchObject({ cut: null, asOf: '2026-11-26', synthetic: true });
    expect(outcomes.analysed).toBe(45);
    expect(outcomes.excluded).toBe(0);
    const byKind = Object.fromEntries(outcomes.endpoints.map((e) => [e.kind, e]));
    expect(Object.keys(byKind).sort()).toEqual(['dfs', 'hdfs', 'os']);
    expect(byKind.os?.events).toBe(await countDistinct("e.type = 'death'"));
    expect(byKind.dfs?.events).toBe(await countDistinct("e.type IN ('recurrence', 'death')"));
    expect(byKind.hdfs?.events).toBe(
      await countDistinct(
        "(e.type = 'recurrence' AND e.recurrence_site IN ('hepatic', 'both')) OR e.type = 'death'",
      ),
    );
    expect(byKind.hdfs?.deathIsEvent).toBe(true);
    expect(byKind.hdfs?.primary).toBe(true);
  });

  it('gives the number at risk every 6 months up to 60, starting with everyone analysed', async () => {
    const { outcomes } = await (await h.as('pi')).committee.outcomes.get({ trialId });
    for (const e of outcomes.endpoints) {
      expect(e.atRisk.map((a) => a.time)).toEqual([0, 6, 12, 18, 24, 30, 36, 42, 48, 54, 60]);
      expect(e.atRisk[0]?.atRisk).toBe(45);
      for (let i = 1; i < e.atRisk.length; i += 1)
        expect(e.atRisk[i]!.atRisk).toBeLessThanOrEqual(e.atRisk[i - 1]!.atRisk);
      expect(e.landmarks.map((l) => l.months)).toEqual([12, 24, 36, 60]);
      expect(e.curve[0]).toEqual({ time: 0, survival: 1, lower: 1, upper: 1 });
      expect(e.censorMarks.reduce((n, c) => n + c.count, 0)).toBe(e.censored);
      expect(e.byCentre.groups.reduce((n, g) => n + g.analysed, 0)).toBe(e.analysed);
      expect(e.byCentre.test?.df).toBe(2);
    }
  });

  it('ships no study IDs to the steering committee', async () => {
    const steering = await h.as('steering');
    const payloads = await Promise.all([
      steering.committee.outcomes.get({ trialId }),
      steering.committee.safety.get({ trialId }),
      steering.committee.consort.get({ trialId }),
      steering.committee.report.get({ trialId }),
    ]);
    for (const p of payloads) expect(JSON.stringify(p)).not.toMatch(/PUMP3-/);
  });

  it('refuses bad input and unknown cuts', async () => {
    const pi = await h.as('pi');
    await expectCode(pi.committee.outcomes.get({ trialId: 'Not A Trial' }), 'BAD_REQUEST');
    await expectCode(pi.committee.outcomes.get({ trialId, cutId: -3 }), 'BAD_REQUEST');
    await expectCode(pi.committee.outcomes.get({ trialId, cutId: 999 }), 'NOT_FOUND');
    await expectCode(pi.committee.safety.get({ trialId: 'no-such-trial' }), 'NOT_FOUND');
  });
});

describe('per-participant endpoint table', () => {
  it('is refused to the steering committee', async () => {
    await expectCode((await h.as('steering')).committee.outcomes.participants({ trialId }), 'FORBIDDEN');
  });

  // A coordinator's centre scope here is tested where outcomes are opened to coordinators
  // (outcome-visibility.int.test.ts): by default they are closed to them.
  it('gives the PI every participant, with reasons in both languages', async () => {
    const t = await (await h.as('pi')).committee.outcomes.participants({ trialId });
    expect(t.rows).toHaveLength(45);
    const os = t.rows[0]?.values.find((v) => v.kind === 'os');
    expect(os?.reason?.en).toMatch(/^(event|censored): /);
    expect(os?.reason?.nl).toMatch(/^(gebeurtenis|gecensureerd): /);
  });
});

describe('safety', () => {
  it('counts complications as recorded and the Clavien–Dindo III+ rate within 90 days', async () => {
    const { safety } = await (await h.as('steering')).committee.safety.get({ trialId });
    const total = await count(
      `SELECT COUNT(*) AS n FROM events WHERE trial_id = ? AND type = 'complication' AND voided_at IS NULL`,
      trialId,
    );
    expect(safety.complications.total).toBe(total);
    expect(safety.complications.cells.reduce((n, c) => n + c.complications, 0)).toBe(
      safety.complications.total,
    );
    // Clavien–Dindo III+ recorded within 90 days of the pump, or death within 90 days (grade V).
    const major = await count(
      `SELECT COUNT(DISTINCT p.id) AS n FROM participants p JOIN events e
       ON e.participant_id = p.id AND e.voided_at IS NULL
       AND (e.type = 'death' OR (e.type = 'complication' AND e.grade_scale = 'clavien_dindo'
            AND e.grade IN ('IIIa', 'IIIb', 'IVa', 'IVb', 'V')))
       AND e.event_date >= p.pump_date AND ${daysBetween(h.open.db, 'p.pump_date', 'e.event_date')} <= 90
       WHERE p.trial_id = ? AND p.pump_date IS NOT NULL`,
      trialId,
    );
    const deathsOnly = await count(
      `SELECT COUNT(*) AS n FROM participants p JOIN events d ON d.participant_id = p.id
       AND d.type = 'death' AND d.voided_at IS NULL AND d.event_date >= p.pump_date
       AND ${daysBetween(h.open.db, 'p.pump_date', 'd.event_date')} <= 90
       WHERE p.trial_id = ? AND NOT EXISTS (SELECT 1 FROM events e WHERE e.participant_id = p.id
         AND e.voided_at IS NULL AND e.type = 'complication' AND e.grade_scale = 'clavien_dindo'
         AND e.grade IN ('IIIa', 'IIIb', 'IVa', 'IVb', 'V') AND e.event_date >= p.pump_date
         AND ${daysBetween(h.open.db, 'p.pump_date', 'e.event_date')} <= 90)`,
      trialId,
    );
    // The demo has a participant who died (of pneumonia) weeks after the pump with no complication
    // recorded: a death within 90 days is grade V, so that participant is in the rate.
    expect(deathsOnly).toBeGreaterThan(0);
    expect(safety.headline.deathsAsGradeV).toBe(deathsOnly);
    const died90 = await count(
      `SELECT COUNT(*) AS n FROM participants p JOIN events d ON d.participant_id = p.id
       AND d.type = 'death' AND d.voided_at IS NULL AND d.event_date >= p.surgery_date
       AND ${daysBetween(h.open.db, 'p.surgery_date', 'd.event_date')} <= 90 WHERE p.trial_id = ?`,
      trialId,
    );
    const operated = await count(
      `SELECT COUNT(*) AS n FROM participants WHERE trial_id = ? AND surgery_date IS NOT NULL`,
      trialId,
    );
    expect(safety.mortality).toMatchObject({ count: died90, total: operated, windowDays: 90 });
    expect(safety.mortality.lower).toBeLessThanOrEqual(safety.mortality.estimate ?? -1);
    expect(safety.mortality.upper).toBeGreaterThanOrEqual(safety.mortality.estimate ?? 2);
    const pumps = await count(
      `SELECT COUNT(*) AS n FROM participants WHERE trial_id = ? AND pump_date IS NOT NULL`,
      trialId,
    );
    expect(safety.headline.count).toBe(major);
    expect(safety.headline.total).toBe(pumps);
    expect(safety.headline.lower).toBeLessThanOrEqual(safety.headline.estimate ?? -1);
    expect(safety.headline.upper).toBeGreaterThanOrEqual(safety.headline.estimate ?? 2);
    expect(safety.delivery.cyclesGiven.reduce((n, c) => n + c.participants, 0)).toBe(
      safety.delivery.withPump,
    );
  });
});

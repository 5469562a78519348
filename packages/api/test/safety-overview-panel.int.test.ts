// The overview's safety panel reads safety.summary and deviations.summary (counts per centre, trial-wide for
// every role that reads aggregates). Checked at the clock boundaries by hand: a report exactly 24 hours after
// awareness is on time and one millisecond later is late; a death nobody reported is not overdue at exactly
// 24 hours after it was entered and overdue one millisecond later. Runs on both engines (a coordinator's
// PostgreSQL scope is one centre, so the trial-wide count is what proves the read is named across centres).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrial, recordComplication, trialId, type Caller, type DemoTrial } from './demo-trial.js';
import type { Harness } from './harness.js';

let h: Harness;
let coord: Caller;
let coordAvl: Caller;
let steering: Caller;
let demo: DemoTrial;

beforeAll(async () => {
  demo = await demoTrial();
  h = demo.h;
  coord = await demo.as('coord-emc');
  coordAvl = await demo.as('coord-avl');
  steering = await demo.as('steering');
});
afterAll(() => h.close());

/** EMC's counts at `instant`, as the steering committee and another centre's coordinator read them. */
async function emcAt(instant: string) {
  h.clock.now = new Date(instant);
  const fromSteering = (await steering.safety.summary({ trialId })).byCentre.find((c) => c.centre === 'EMC');
  const fromAvl = (await coordAvl.safety.summary({ trialId })).byCentre.find((c) => c.centre === 'EMC');
  expect(fromAvl).toEqual(fromSteering);
  if (!fromSteering) throw new Error('EMC missing from the summary');
  return fromSteering;
}

const sae = (studyId: string, eventId: number, awareAt: string) => ({
  trialId,
  studyId,
  eventId,
  criteria: ['hospitalisation' as const],
  assessments: [
    { intervention: 'floxuridine', causality: 'not_related' as const, expected: null },
    { intervention: 'pump', causality: 'possible' as const, expected: true },
    { intervention: 'surgery', causality: 'unlikely' as const, expected: null },
  ],
  awareAt,
  description: 'Admitted for intravenous antibiotics',
});

describe('the safety panel per centre at the clock boundaries', () => {
  it('counts a report made exactly 24 hours after awareness as on time, 1 ms later as late', async () => {
    // Awareness 09:15 Amsterdam on 24 November (winter: 08:15 UTC); due 25 November 08:15:00.000 UTC.
    const before = await emcAt('2026-11-25T08:15:00.001Z');
    const onTime = demo.aParticipant();
    const e1 = await recordComplication(coord, onTime);
    h.clock.now = new Date('2026-11-25T08:15:00.000Z');
    expect((await coord.safety.reportSae(sae(onTime, e1, '2026-11-24T09:15'))).onTime).toBe(true);
    const afterOnTime = await emcAt('2026-11-25T08:15:00.001Z');
    expect(afterOnTime).toEqual({
      ...before,
      saes: before.saes + 1,
      lateReports: before.lateReports,
    });

    const late = demo.aParticipant();
    const e2 = await recordComplication(coord, late);
    h.clock.now = new Date('2026-11-25T08:15:00.001Z');
    expect((await coord.safety.reportSae(sae(late, e2, '2026-11-24T09:15'))).onTime).toBe(false);
    expect(await emcAt('2026-11-25T08:15:00.001Z')).toEqual({
      ...before,
      saes: before.saes + 2,
      lateReports: before.lateReports + 1,
    });
  });

  it('counts a death nobody reported as overdue 1 ms after its 24 hours, not at exactly 24 hours', async () => {
    const atDue = await emcAt('2026-11-27T12:00:00.000Z');
    const pastDue = await emcAt('2026-11-27T12:00:00.001Z');
    const studyId = demo.aParticipant();
    // Entered at 12:00 UTC on 26 November: the site knew by then, so the initial report is due 24 h later.
    h.clock.now = new Date('2026-11-26T12:00:00.000Z');
    await coord.entry.events.record({
      trialId,
      studyId,
      event: { type: 'death', date: '2026-11-26', cause: 'Liver failure' },
    });
    expect(await emcAt('2026-11-27T12:00:00.000Z')).toEqual({
      ...atDue,
      saes: atDue.saes + 1,
      initialOverdue: atDue.initialOverdue,
      overdue: atDue.overdue,
    });
    expect(await emcAt('2026-11-27T12:00:00.001Z')).toEqual({
      ...pastDue,
      saes: pastDue.saes + 1,
      initialOverdue: pastDue.initialOverdue + 1,
      overdue: pastDue.overdue + 1,
    });
  });

  it('counts deviations per centre and category across centres for a coordinator too', async () => {
    h.clock.now = new Date('2026-11-26T12:00:00.000Z');
    const cell = async (caller: Caller) =>
      (await caller.deviations.summary({ trialId })).cells.find(
        (c) => c.centre === 'EMC' && c.category === 'informed_consent',
      ) ?? { major: 0, minor: 0 };
    const before = await cell(steering);
    await coord.deviations.record({
      trialId,
      studyId: demo.aParticipant(),
      category: 'informed_consent',
      severity: 'major',
      description: 'Consent form version 2 signed after the protocol amendment required version 3',
      date: '2026-11-25',
      correctiveAction: 'Re-consented on version 3',
    });
    expect(await cell(steering)).toMatchObject({ major: before.major + 1, minor: before.minor });
    expect(await cell(coordAvl)).toEqual(await cell(steering));
  });
});

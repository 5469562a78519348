// Overdue safety reports on the coordinator's worklist, at the boundary of each clock (hand-computed from
// the instants): a recorded death nobody reported is due 24 hours after it was entered and listed from one
// millisecond later; a SUSAR's 7-day report likewise; a report made leaves the list; another centre's
// coordinator never sees them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoTrial, trialId, type Caller, type DemoTrial } from './demo-trial.js';
import type { Harness } from './harness.js';

let h: Harness;
let coord: Caller;
let other: Caller;
let pi: Caller;
let demo: DemoTrial;

beforeAll(async () => {
  demo = await demoTrial();
  h = demo.h;
  coord = await demo.as('coord-emc');
  other = await demo.as('coord-avl');
  pi = await demo.as('pi');
});
afterAll(() => h.close());

async function saeReports(caller: Caller, studyId: string) {
  const w = await caller.entry.worklist.get({ trialId });
  return w.trials[0]!.saeReports.filter((r) => r.studyId === studyId);
}

describe('overdue SAE reports on the worklist', () => {
  it('lists a death not reported from 1 ms after its 24 hours, with started hours, to its own centre only', async () => {
    const studyId = demo.aParticipant();
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const death = await coord.entry.events.record({
      trialId,
      studyId,
      event: { type: 'death', date: '2026-11-25', cause: 'Liver failure' },
    });
    // Entered 2026-11-26 10:00Z: due 2026-11-27 10:00Z; on time up to and including that instant.
    h.clock.now = new Date('2026-11-27T10:00:00.000Z');
    expect(await saeReports(coord, studyId)).toEqual([]);
    h.clock.now = new Date('2026-11-27T10:00:00.001Z');
    expect(await saeReports(coord, studyId)).toEqual([
      {
        studyId,
        centre: 'EMC',
        saeId: null,
        eventId: death.id,
        eventType: 'death',
        eventTerm: 'Liver failure',
        report: 'initial',
        dueAt: '2026-11-27T10:00:00.000Z',
        hoursOverdue: 1,
      },
    ]);
    // 6 hours past due is 6; one millisecond more starts the 7th.
    h.clock.now = new Date('2026-11-27T16:00:00.000Z');
    expect((await saeReports(coord, studyId))[0]?.hoursOverdue).toBe(6);
    h.clock.now = new Date('2026-11-27T16:00:00.001Z');
    expect((await saeReports(coord, studyId))[0]?.hoursOverdue).toBe(7);
    expect(await saeReports(other, studyId)).toEqual([]);
    // Reported (late): the initial report is made, so it leaves the worklist.
    await coord.safety.reportSae({
      trialId,
      studyId,
      eventId: death.id,
      criteria: ['death'],
      assessments: [
        { intervention: 'floxuridine', causality: 'not_related', expected: null },
        { intervention: 'pump', causality: 'not_related', expected: null },
        { intervention: 'surgery', causality: 'not_related', expected: null },
      ],
      awareAt: '2026-11-26T09:00',
      description: 'Died at home',
    });
    expect(await saeReports(coord, studyId)).toEqual([]);
  });

  it('lists a life-threatening SUSAR from 1 ms after its 7 days until the PI records the submission', async () => {
    const studyId = demo.aParticipant();
    h.clock.now = new Date('2026-11-26T10:00:00.000Z');
    const { id: eventId } = await coord.entry.events.record({
      trialId,
      studyId,
      event: {
        type: 'complication',
        date: '2026-11-25',
        term: 'Hepatic arterial thrombosis',
        category: 'pump',
        gradeScale: 'clavien_dindo',
        grade: 'IVa',
        haipRelated: true,
      },
    });
    const { saeId } = await coord.safety.reportSae({
      trialId,
      studyId,
      eventId,
      criteria: ['life_threatening'],
      assessments: [
        { intervention: 'floxuridine', causality: 'not_related', expected: null },
        { intervention: 'pump', causality: 'probable', expected: false },
        { intervention: 'surgery', causality: 'not_related', expected: null },
      ],
      // 08:00 in Amsterdam (winter time, UTC+1) is 07:00Z: the SUSAR is due 7 days later, 2026-12-03 07:00Z.
      awareAt: '2026-11-26T08:00',
      description: 'Thrombosis of the hepatic artery',
    });
    h.clock.now = new Date('2026-12-03T07:00:00.000Z');
    expect(await saeReports(coord, studyId)).toEqual([]);
    h.clock.now = new Date('2026-12-03T07:00:00.001Z');
    expect(await saeReports(coord, studyId)).toEqual([
      expect.objectContaining({ saeId, report: 'susar', dueAt: '2026-12-03T07:00:00.000Z', hoursOverdue: 1 }),
    ]);
    expect(await saeReports(other, studyId)).toEqual([]);
    await pi.safety.reportSusar({ trialId, saeId, reference: 'EU-EC-2026-0099' });
    expect(await saeReports(coord, studyId)).toEqual([]);
  });
});

// The other half of the property tests (issue 10 §4, issue 12): inputs that are valid are accepted, every
// one of them, for each data-entry mutation and the target setting. A participant's whole course is drawn at
// random within the protocol (eligible values, dates in their windows) and each step must be accepted:
// inclusion, surgery and pump, the first cycle, the month-1 assessment, a complication, a correction of the
// cycle's dose and a void of the complication. The audit chain verifies afterwards.
import { fromDayNumber, toDayNumber } from '@trialdesk/domain';
import { verifyAuditChain } from '@trialdesk/db';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arteryInclusion } from './entry-helpers.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
let coord: Awaited<ReturnType<Harness['as']>>;
let admin: Awaited<ReturnType<Harness['as']>>;
beforeAll(async () => {
  h = await createHarness();
  coord = await h.as('coord-emc');
  admin = await h.as('admin');
});
afterAll(() => h.close());

const TODAY = toDayNumber('2026-11-26'); // the harness's today
const day = (n: number) => fromDayNumber(n);

/** A value in [min, max] with at most two decimals, as a clinician types it. */
const measure = (min: number, max: number) =>
  fc.integer({ min: Math.ceil(min * 100), max: Math.floor(max * 100) }).map((n) => n / 100);

/**
 * An eligible ARTERY-2 candidate at Erasmus MC, included between March and early August 2026 so that its
 * surgery, first cycle and month-1 assessment all fall on or before today.
 */
const eligible = fc
  .record({
    inclusion: fc.integer({ min: toDayNumber('2026-03-01'), max: toDayNumber('2026-08-01') }),
    consentBefore: fc.integer({ min: 0, max: 30 }),
    labBefore: fc.integer({ min: 0, max: 27 }),
    sex: fc.constantFrom('female' as const, 'male' as const),
    age: fc.integer({ min: 18, max: 95 }),
    ecog: fc.integer({ min: 0, max: 2 }),
    anc: measure(1.5, 20),
    platelets: measure(75, 900),
    uln: fc.integer({ min: 10, max: 40 }),
    bilirubinFraction: fc.double({ min: 0, max: 0.99, noNaN: true }),
    egfr: measure(45, 200),
  })
  .map((c) => ({
    inclusion: c.inclusion,
    input: arteryInclusion({
      inclusionDate: day(c.inclusion),
      consentDate: day(c.inclusion - c.consentBefore),
      labDate: day(c.inclusion - c.labBefore),
      sex: c.sex,
      measures: {
        age: { value: c.age },
        ecog: { value: c.ecog },
        anc: { value: c.anc },
        platelets: { value: c.platelets },
        // Below 2 × ULN, to two decimals (never rounding up to the limit).
        bilirubin: { value: Math.floor(c.bilirubinFraction * 2 * c.uln * 100) / 100, uln: c.uln },
        egfr: { value: c.egfr },
      },
    }),
  }));

const course = fc.record({
  candidate: eligible,
  surgeryAfter: fc.integer({ min: 0, max: 14 }),
  // ARTERY-2's first cycle is 21–56 days after inclusion.
  firstCycleAfter: fc.integer({ min: 21, max: 56 }),
  doseMg: measure(1, 200),
  correctedDoseMg: measure(1, 200),
  // The month-1 visit's window is ±14 days around day 30.
  visitShift: fc.integer({ min: -14, max: 14 }),
  cea: measure(0, 50),
  complication: fc.record({
    after: fc.integer({ min: 0, max: 60 }),
    term: fc.constantFrom('Pneumonia', 'Bile leak', 'Catheter dislocation', 'Wondinfectie'),
    category: fc.constantFrom('surgical' as const, 'pump' as const, 'toxicity' as const, 'other' as const),
    grade: fc.constantFrom('I', 'II', 'IIIa', 'IIIb'),
  }),
  reason: fc.constantFrom('Typo in the dose', 'Source document says otherwise', 'Verkeerd overgenomen'),
});

describe('valid input is always accepted', () => {
  it(
    "every step of a participant's course within the protocol, and the audit chain verifies",
    { timeout: 240_000 },
    async () => {
      const studyIds = new Set<string>();
      await fc.assert(
        fc.asyncProperty(course, async (c) => {
          const trialId = 'artery-2';
          const included = await coord.entry.inclusion.include(c.candidate.input);
          const studyId = included.studyId;
          expect(studyId).toMatch(/^ART2-EMC-\d{3}$/);
          expect(studyIds.has(studyId)).toBe(false);
          studyIds.add(studyId);

          const surgery = day(c.candidate.inclusion + c.surgeryAfter);
          await coord.entry.surgery.record({
            trialId,
            studyId,
            surgeryDate: surgery,
            pump: { placed: true, date: surgery },
          });
          const cycleDate = c.candidate.inclusion + c.firstCycleAfter;
          const cycle = await coord.entry.cycles.record({
            trialId,
            studyId,
            cycle: 1,
            cycleDate: day(cycleDate),
            doseMg: c.doseMg,
            modification: 'none',
          });
          await coord.entry.assessments.record({
            trialId,
            studyId,
            month: 1,
            result: {
              status: 'done',
              performedDate: day(Math.min(TODAY, c.candidate.inclusion + 30 + c.visitShift)),
              cea: c.cea,
              imagingResult: 'no_recurrence',
            },
          });
          const event = await coord.entry.events.record({
            trialId,
            studyId,
            event: {
              type: 'complication',
              date: day(Math.min(TODAY, c.candidate.inclusion + c.surgeryAfter + c.complication.after)),
              term: c.complication.term,
              category: c.complication.category,
              gradeScale: 'clavien_dindo',
              grade: c.complication.grade,
              haipRelated: c.complication.category === 'pump',
              resolutionDate: null,
            },
          });
          if (c.correctedDoseMg !== c.doseMg)
            await coord.entry.corrections.correct({
              trialId,
              target: { record: 'cycle', id: cycle.id, changes: { doseMg: c.correctedDoseMg } },
              reason: c.reason,
            });
          await coord.entry.corrections.void({
            trialId,
            target: { record: 'event', id: event.id },
            reason: c.reason,
          });
        }),
        { numRuns: 12 },
      );
      expect(studyIds.size).toBe(12);
      expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
    },
  );

  it(
    'trials.setTarget accepts every new target from the number included up',
    { timeout: 120_000 },
    async () => {
      const reason = fc.stringMatching(/^[A-Za-z][A-Za-z ,.'-]{2,40}$/).filter((s) => s.trim().length >= 3);
      // The first change tells how many are included (no inclusion happens in this test).
      const first = await admin.trials.setTarget({
        trialId: 'artery-2',
        target: 100_000,
        reason: 'Start high',
      });
      let current = first.target;
      let accepted = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: Math.max(first.included, 1), max: 100_000 }),
          reason,
          async (target, why) => {
            fc.pre(target !== current);
            const r = await admin.trials.setTarget({ trialId: 'artery-2', target, reason: why });
            expect(r).toEqual({ trialId: 'artery-2', target, previous: current, included: first.included });
            current = target;
            accepted += 1;
          },
        ),
        { numRuns: 30 },
      );
      expect(accepted).toBeGreaterThan(20);
    },
  );
});

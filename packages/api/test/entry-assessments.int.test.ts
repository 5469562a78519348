// Assessments recorded against their scheduled slots. Demo facts (ARTERY-2, synthetic): ART2-EMC-018's
// month-9 slot is open with window 2026-10-24 – 2026-12-19; ART2-EMC-002's month-12 slot is overdue
// (window 2026-02-13 – 2026-04-10); ART2-EMC-011's month-12 window opened 2026-11-07; ART2-EMC-004's
// month-18 window opens 2026-11-28.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { fieldsOf, lastAudit, participantRow, refusedUnchanged } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function slot(studyId: string, month: number) {
  const p = await participantRow(h, 'artery-2', studyId);
  return h.open.db
    .selectFrom('assessment_slots')
    .selectAll()
    .where('participant_id', '=', p.id)
    .where('month', '=', month)
    .executeTakeFirstOrThrow();
}

const done = (performedDate: string) => ({
  status: 'done' as const,
  performedDate,
  cea: 2.4,
  imagingResult: 'no_recurrence' as const,
});

describe('entry.assessments.record', () => {
  it('records an assessment inside its window and closes the slot', async () => {
    const coord = await h.as('coord-emc');
    const r = await coord.entry.assessments.record({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-018',
      month: 9,
      result: done('2026-11-20'),
    });
    expect(r).toMatchObject({ month: 9, outOfWindow: false, deviation: null });
    expect(await slot('ART2-EMC-018', 9)).toMatchObject({
      status: 'done',
      performed_date: '2026-11-20',
      late: 0,
    });
    expect(await lastAudit(h)).toMatchObject({ action: 'assessment.recorded', participant: 'ART2-EMC-018' });
  });

  it('accepts a date outside the window but flags it as a deviation', async () => {
    const coord = await h.as('coord-emc');
    const r = await coord.entry.assessments.record({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-002',
      month: 12,
      result: done('2026-11-26'),
    });
    expect(r.outOfWindow).toBe(true);
    expect(r.deviation).toBe(
      'Outside the window 13 Feb 2026 – 10 Apr 2026: recorded as a protocol deviation',
    );
    expect(await slot('ART2-EMC-002', 12)).toMatchObject({ status: 'done', late: 1 });
    const a = await h.open.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(a.out_of_window).toBe(1);
  });

  it('records a missed assessment once its window has opened, with a reason', async () => {
    const coord = await h.as('coord-emc');
    await coord.entry.assessments.record({
      trialId: 'artery-2',
      studyId: 'ART2-EMC-011',
      month: 12,
      result: { status: 'missed', reason: 'Patient did not attend' },
    });
    expect(await slot('ART2-EMC-011', 12)).toMatchObject({ status: 'missed', performed_date: null });
    const early = await refusedUnchanged(
      h,
      coord.entry.assessments.record({
        trialId: 'artery-2',
        studyId: 'ART2-EMC-004',
        month: 18,
        result: { status: 'missed', reason: 'x' },
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(early)['result.reason']?.[0]).toContain('28 Nov 2026');
  });

  it.each([
    ['a slot already recorded', 'ART2-EMC-018', 9, done('2026-11-21'), 'month'],
    ['a month without a slot', 'ART2-EMC-020', 2, done('2026-11-21'), 'month'],
    ['a date in the future', 'ART2-EMC-020', 9, done('2026-11-27'), 'result.performedDate'],
    ['a date before inclusion', 'ART2-EMC-020', 9, done('2026-03-14'), 'result.performedDate'],
    ['an impossible date', 'ART2-EMC-020', 9, done('2026-09-31'), 'result.performedDate'],
    ['a CEA out of physical range', 'ART2-EMC-020', 9, { ...done('2026-11-21'), cea: -1 }, 'result.cea'],
    [
      'an unknown imaging result',
      'ART2-EMC-020',
      9,
      { ...done('2026-11-21'), imagingResult: 'lung' },
      'result.imagingResult',
    ],
    ['a missed one without a reason', 'ART2-EMC-020', 9, { status: 'missed', reason: '' }, 'result.reason'],
    ['a date after death', 'ART2-EMC-009', 9, done('2026-10-25'), 'result.performedDate'],
  ])('refuses %s', async (_label, studyId, month, result, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.assessments.record({
        trialId: 'artery-2',
        studyId,
        month,
        result,
      } as never),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('refuses other roles and other centres', async () => {
    for (const u of ['pi', 'monitor', 'steering', 'coord-avl'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.assessments.record({
          trialId: 'artery-2',
          studyId: 'ART2-EMC-020',
          month: 9,
          result: done('2026-11-21'),
        }),
        'FORBIDDEN',
      );
  });
});

// Surgery, pump placement and pump visits. Demo facts used (ARTERY-2, synthetic): ART2-AVL-014 was
// included 2026-11-15 without surgery yet; ART2-EMC-025 has a pump since 2026-11-07 and no cycle;
// ART2-EMC-024 has cycles 1 (2026-10-18) and 2 (2026-11-08).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { fieldsOf, lastAudit, participantRow, pumpInclusion, refusedUnchanged } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('entry.surgery.record', () => {
  const avl = { trialId: 'artery-2', studyId: 'ART2-AVL-014' };
  it.each([
    [
      'surgery before inclusion',
      { surgeryDate: '2026-11-14', pump: { placed: true, date: '2026-11-14' } },
      'surgeryDate',
    ],
    [
      'surgery in the future',
      { surgeryDate: '2026-11-30', pump: { placed: true, date: '2026-11-30' } },
      'surgeryDate',
    ],
    [
      'a pump before surgery',
      { surgeryDate: '2026-11-20', pump: { placed: true, date: '2026-11-19' } },
      'pump.date',
    ],
    ['no pump without a reason', { surgeryDate: '2026-11-20', pump: { placed: false } }, 'pump.reason'],
    [
      'an impossible date',
      { surgeryDate: '2026-11-31', pump: { placed: false, reason: 'x' } },
      'surgeryDate',
    ],
  ])('refuses %s', async (_label, change, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-avl')).entry.surgery.record({ ...avl, ...change } as never),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('refuses other roles, and another centre exactly like an unknown participant', async () => {
    for (const u of ['pi', 'monitor', 'steering'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.surgery.record({
          ...avl,
          surgeryDate: '2026-11-20',
          pump: { placed: true, date: '2026-11-20' },
        }),
        'FORBIDDEN',
      );
    const emc = await h.as('coord-emc');
    const other = await refusedUnchanged(
      h,
      emc.entry.surgery.record({
        ...avl,
        surgeryDate: '2026-11-20',
        pump: { placed: true, date: '2026-11-20' },
      }),
      'FORBIDDEN',
    );
    const missing = await refusedUnchanged(
      h,
      emc.entry.surgery.record({
        ...avl,
        studyId: 'ART2-EMC-999',
        surgeryDate: '2026-11-20',
        pump: { placed: true, date: '2026-11-20' },
      }),
      'FORBIDDEN',
    );
    expect(other.message).toBe(missing.message);
    // An administrator sees no centre scope, so an unknown participant is simply bad input.
    await refusedUnchanged(
      h,
      (await h.as('admin')).entry.surgery.record({
        ...avl,
        studyId: 'ART2-EMC-999',
        surgeryDate: '2026-11-20',
        pump: { placed: true, date: '2026-11-20' },
      }),
      'BAD_REQUEST',
    );
  });

  it('records surgery and pump once; ARTERY-2 keeps time zero at inclusion', async () => {
    const coord = await h.as('coord-avl');
    const r = await coord.entry.surgery.record({
      ...avl,
      surgeryDate: '2026-11-20',
      pump: { placed: true, date: '2026-11-20' },
    });
    expect(r).toEqual({ studyId: 'ART2-AVL-014', timeZero: null });
    const p = await participantRow(h, 'artery-2', 'ART2-AVL-014');
    expect(p).toMatchObject({ surgery_date: '2026-11-20', pump_date: '2026-11-20', time_zero: '2026-11-15' });
    expect(await lastAudit(h)).toMatchObject({ action: 'surgery.recorded', participant: 'ART2-AVL-014' });
    const again = await refusedUnchanged(
      h,
      coord.entry.surgery.record({
        ...avl,
        surgeryDate: '2026-11-21',
        pump: { placed: true, date: '2026-11-21' },
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(again).surgeryDate?.[0]).toContain('already recorded');
  });

  it('sets PUMP-III’s time zero at surgery and schedules its 14 assessments', async () => {
    await (
      await h.as('admin')
    ).trials.setTarget({ trialId: 'pump-iii', target: 47, reason: 'Test of surgery entry' });
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(pumpInclusion());
    const r = await coord.entry.surgery.record({
      trialId: 'pump-iii',
      studyId,
      surgeryDate: '2026-11-24',
      pump: { placed: true, date: '2026-11-24' },
    });
    expect(r.timeZero).toBe('2026-11-24');
    const p = await participantRow(h, 'pump-iii', studyId);
    // 5 years of follow-up from 2026-11-24.
    expect(p).toMatchObject({ time_zero: '2026-11-24', follow_up_end: '2031-11-24' });
    const slots = await h.open.db
      .selectFrom('assessment_slots')
      .selectAll()
      .where('participant_id', '=', p.id)
      .orderBy('month')
      .execute();
    expect(slots).toHaveLength(14);
    // Month 3: due 2027-02-24, window ± 28 days.
    expect(slots[0]).toMatchObject({
      month: 3,
      due_date: '2027-02-24',
      window_start: '2027-01-27',
      window_end: '2027-03-24',
    });
    const { studyId: second } = await coord.entry.inclusion.include(pumpInclusion());
    await coord.entry.surgery.record({
      trialId: 'pump-iii',
      studyId: second,
      surgeryDate: '2026-11-25',
      pump: { placed: false, reason: 'Aberrant arterial anatomy' },
    });
    expect(await participantRow(h, 'pump-iii', second)).toMatchObject({
      pump_date: null,
      time_zero: '2026-11-25',
    });
    // The participant page says why there is no pump.
    const page = await coord.participants.get({ trialId: 'pump-iii', studyId: second });
    expect(page.participant).toMatchObject({
      pumpDate: null,
      pumpNotPlacedReason: 'Aberrant arterial anatomy',
    });
  });
});

describe('entry.cycles.record', () => {
  const emc25 = { trialId: 'artery-2', studyId: 'ART2-EMC-025' };
  const given = { doseMg: 45, flowRateMlDay: 1.5, modification: 'none' as const };

  it('records cycle 1, reports the plan and flags a start before the protocol window', async () => {
    const coord = await h.as('coord-emc');
    // Pump 2026-11-07: cycle 1 is planned 21 days later (2026-11-28), allowed until day 56 (2027-01-02).
    const r = await coord.entry.cycles.record({ ...emc25, cycle: 1, cycleDate: '2026-11-25', ...given });
    expect(r).toMatchObject({ plannedDate: '2026-11-28', nextPlannedDate: '2026-12-16' });
    expect(r.deviation).toContain('28 Nov 2026');
    const audit = await lastAudit(h);
    expect(audit).toMatchObject({
      action: 'cycle.recorded',
      participant: 'ART2-EMC-025',
      entity_id: String(r.id),
    });
  });

  it.each([
    ['a cycle out of order', { cycle: 3, cycleDate: '2026-11-26' }, 'cycle'],
    ['a cycle already recorded', { cycle: 1, cycleDate: '2026-11-26' }, 'cycle'],
    ['a cycle on the day of the previous one', { cycle: 2, cycleDate: '2026-11-25' }, 'cycleDate'],
    ['a cycle in the future', { cycle: 2, cycleDate: '2026-12-16' }, 'cycleDate'],
    ['a cycle beyond the plan', { cycle: 5, cycleDate: '2026-11-26' }, 'cycle'],
    [
      'a reduction without its reason',
      { cycle: 2, cycleDate: '2026-11-26', modification: 'reduced' },
      'modificationReason',
    ],
    [
      'a skipped cycle with a dose',
      { cycle: 2, cycleDate: '2026-11-26', modification: 'skipped', modificationReason: 'ALAT' },
      'doseMg',
    ],
    ['an impossible flow rate', { cycle: 2, cycleDate: '2026-11-26', flowRateMlDay: 25 }, 'flowRateMlDay'],
    [
      'a negative returned volume',
      { cycle: 2, cycleDate: '2026-11-26', returnedVolumeMl: -2 },
      'returnedVolumeMl',
    ],
    [
      'an empty date before the fill',
      { cycle: 2, cycleDate: '2026-11-26', emptyDate: '2026-11-20' },
      'emptyDate',
    ],
    ['a dose given as text', { cycle: 2, cycleDate: '2026-11-26', doseMg: '45' }, 'doseMg'],
  ])('refuses %s', async (_label, change, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.cycles.record({ ...emc25, ...given, ...change } as never),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('refuses a fill before the pump was placed, and a participant without a pump', async () => {
    const coord = await h.as('coord-emc');
    // ART2-EMC-026: pump 2026-11-20. ART2-EMC-014: no pump.
    const early = await refusedUnchanged(
      h,
      coord.entry.cycles.record({
        trialId: 'artery-2',
        studyId: 'ART2-EMC-026',
        cycle: 1,
        cycleDate: '2026-11-19',
        ...given,
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(early).cycleDate?.[0]).toContain('20 Nov 2026');
    await refusedUnchanged(
      h,
      coord.entry.cycles.record({
        trialId: 'artery-2',
        studyId: 'ART2-EMC-014',
        cycle: 1,
        cycleDate: '2026-11-19',
        ...given,
      }),
      'BAD_REQUEST',
    );
  });

  it('accepts nothing after a stop', async () => {
    const coord = await h.as('coord-emc');
    const emc24 = { trialId: 'artery-2', studyId: 'ART2-EMC-024' };
    await coord.entry.cycles.record({
      ...emc24,
      cycle: 3,
      cycleDate: '2026-11-25',
      modification: 'stopped',
      modificationReason: 'Biliary toxicity',
    });
    const e = await refusedUnchanged(
      h,
      coord.entry.cycles.record({ ...emc24, cycle: 4, cycleDate: '2026-11-26', ...given }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(e).cycle?.[0]).toContain('stopped at cycle 3');
  });

  it('refuses other roles and other centres', async () => {
    for (const u of ['pi', 'monitor', 'steering', 'coord-avl', 'coord-ijsselland'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.cycles.record({ ...emc25, cycle: 2, cycleDate: '2026-11-26', ...given }),
        'FORBIDDEN',
      );
  });
});

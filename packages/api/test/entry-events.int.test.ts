// Clinical events and the off-study state they drive. Demo facts (ARTERY-2, synthetic): ART2-EMC-019's
// latest record is 2026-09-03; ART2-EMC-016 has records up to 2026-10-13; ART2-EMC-017 is in follow-up.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { fieldsOf, lastAudit, participantRow, refusedUnchanged } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const at = (studyId: string) => ({ trialId: 'artery-2', studyId });

async function slotStates(studyId: string) {
  const p = await participantRow(h, 'artery-2', studyId);
  const rows = await h.open.db
    .selectFrom('assessment_slots')
    .select(['month', 'status'])
    .where('participant_id', '=', p.id)
    .orderBy('month')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.month, r.status]));
}

describe('entry.events.record', () => {
  it('records a recurrence and a complication', async () => {
    const coord = await h.as('coord-emc');
    await coord.entry.events.record({
      ...at('ART2-EMC-020'),
      event: { type: 'recurrence', date: '2026-11-10', site: 'hepatic' },
    });
    expect(await lastAudit(h)).toMatchObject({ action: 'event.recorded', participant: 'ART2-EMC-020' });
    const r = await coord.entry.events.record({
      ...at('ART2-EMC-022'),
      event: {
        type: 'complication',
        date: '2026-11-01',
        term: 'Pump pocket infection',
        category: 'pump',
        gradeScale: 'clavien_dindo',
        grade: 'IIIa',
        haipRelated: true,
        resolutionDate: '2026-11-20',
      },
    });
    const e = await h.open.db
      .selectFrom('events')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(e).toMatchObject({
      grade_scale: 'clavien_dindo',
      grade: 'IIIa',
      haip_related: 1,
      resolution_date: '2026-11-20',
    });
  });

  it('takes a participant off study at death, closes later slots, and allows only one death', async () => {
    const coord = await h.as('coord-emc');
    const r = await coord.entry.events.record({
      ...at('ART2-EMC-019'),
      event: { type: 'death', date: '2026-11-20', cause: 'Pneumonia' },
    });
    expect(r.offStudy).toEqual({ date: '2026-11-20', reason: 'died' });
    expect(await participantRow(h, 'artery-2', 'ART2-EMC-019')).toMatchObject({
      off_study_date: '2026-11-20',
      off_study_reason: 'died',
    });
    // Included 2026-02-27: month 9 is due 2026-11-27, after the death; months 1–6 were done.
    expect(await slotStates('ART2-EMC-019')).toEqual({
      1: 'done',
      3: 'done',
      6: 'done',
      9: 'not_applicable',
      12: 'not_applicable',
      18: 'not_applicable',
      24: 'not_applicable',
    });
    const second = await refusedUnchanged(
      h,
      coord.entry.events.record({
        ...at('ART2-EMC-019'),
        event: { type: 'death', date: '2026-11-21', cause: 'x' },
      }),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(second))).toContain('event.type');
    const after = await refusedUnchanged(
      h,
      coord.entry.events.record({
        ...at('ART2-EMC-019'),
        event: { type: 'recurrence', date: '2026-11-26', site: 'both' },
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(after)['event.date']?.[0]).toContain('after the recorded death');
  });

  it('refuses a death dated before the participant’s other records', async () => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.events.record({
        ...at('ART2-EMC-016'),
        event: { type: 'death', date: '2026-10-01', cause: 'x' },
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(e)['event.date']?.[0]).toContain('13 Oct 2026');
  });

  it('takes the earliest of withdrawal and a later death as the off-study date, and refuses a second withdrawal', async () => {
    const coord = await h.as('coord-emc');
    await coord.entry.events.record({
      ...at('ART2-EMC-017'),
      event: { type: 'withdrawal', date: '2026-11-01', reason: 'Patient request' },
    });
    await refusedUnchanged(
      h,
      coord.entry.events.record({
        ...at('ART2-EMC-017'),
        event: { type: 'lost_to_follow_up', date: '2026-11-05', reason: 'x' },
      }),
      'BAD_REQUEST',
    );
    await coord.entry.events.record({
      ...at('ART2-EMC-017'),
      event: { type: 'death', date: '2026-11-20', cause: 'Progressive disease' },
    });
    expect(await participantRow(h, 'artery-2', 'ART2-EMC-017')).toMatchObject({
      off_study_date: '2026-11-01',
      off_study_reason: 'withdrawn',
    });
  });

  it.each([
    ['a future date', { type: 'recurrence', date: '2026-11-27', site: 'hepatic' }, 'event.date'],
    ['a date before inclusion', { type: 'recurrence', date: '2025-01-01', site: 'hepatic' }, 'event.date'],
    ['an unknown site', { type: 'recurrence', date: '2026-11-01', site: 'lung' }, 'event.site'],
    ['an unknown type', { type: 'birthday', date: '2026-11-01' }, 'event.type'],
    [
      'a grade of the wrong scale',
      {
        type: 'complication',
        date: '2026-11-01',
        term: 'Ulcer',
        category: 'toxicity',
        gradeScale: 'ctcae',
        grade: 'IIIa',
        haipRelated: true,
      },
      'event.grade',
    ],
    [
      'a resolution before onset',
      {
        type: 'complication',
        date: '2026-11-01',
        term: 'Ulcer',
        category: 'toxicity',
        gradeScale: 'ctcae',
        grade: '2',
        haipRelated: true,
        resolutionDate: '2026-10-01',
      },
      'event.resolutionDate',
    ],
    [
      'a resolution in the future',
      {
        type: 'complication',
        date: '2026-11-01',
        term: 'Ulcer',
        category: 'toxicity',
        gradeScale: 'ctcae',
        grade: '2',
        haipRelated: true,
        resolutionDate: '2026-12-01',
      },
      'event.resolutionDate',
    ],
    ['a death without cause', { type: 'death', date: '2026-11-20' }, 'event.cause'],
    ['a withdrawal without reason', { type: 'withdrawal', date: '2026-11-20', reason: ' ' }, 'event.reason'],
  ])('refuses %s', async (_label, event, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.events.record({ ...at('ART2-EMC-020'), event } as never),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('refuses other roles and other centres', async () => {
    for (const u of ['pi', 'monitor', 'steering', 'coord-ijsselland'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.events.record({
          ...at('ART2-EMC-020'),
          event: { type: 'recurrence', date: '2026-11-10', site: 'hepatic' },
        }),
        'FORBIDDEN',
      );
  });
});

// Inclusion: eligibility checked again on the server, study IDs per centre, the target, the screening row,
// time zero at inclusion for ARTERY-2, and every refusal leaving nothing behind.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeNotice } from '../src/live.js';
import { createHarness, type Harness } from './harness.js';
import {
  arteryInclusion,
  asDutch,
  fieldsOf,
  lastAudit,
  participantRow,
  pumpInclusion,
  rowCounts,
  refusedUnchanged,
} from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

/** The numbers the next inclusion at a centre takes, from the counters as they stand (no test order assumed). */
async function nextNumbers(trialId: string, centre: string) {
  const last = async (table: 'study_id_counters' | 'screening_counters') =>
    (
      await h.open.db
        .selectFrom(table)
        .select('last_seq')
        .where('trial_id', '=', trialId)
        .where('centre', '=', centre)
        .executeTakeFirst()
    )?.last_seq ?? 0;
  const pad = (n: number) => String(n).padStart(3, '0');
  const seq = (await last('study_id_counters')) + 1;
  const prefix = trialId === 'artery-2' ? 'ART2' : 'PUMP3';
  return {
    seq,
    studyId: `${prefix}-${centre}-${pad(seq)}`,
    screeningNumber: `SCR-${centre}-${pad((await last('screening_counters')) + 1)}`,
  };
}

describe('entry.inclusion.include', () => {
  it('includes an eligible ARTERY-2 candidate at the coordinator’s centre, gap-free, with its schedule', async () => {
    const coord = await h.as('coord-emc');
    const notices: ChangeNotice[] = [];
    const ac = new AbortController();
    let announced = () => {};
    const inclusionAnnounced = new Promise<void>((resolve) => (announced = resolve));
    const listening = (async () => {
      for await (const n of await h.live.changes('artery-2', ac.signal)) {
        notices.push(n);
        if (n.kind === 'inclusion') announced();
      }
    })().catch(() => undefined);
    const before = await (await h.as('pi')).overview.get({ trialId: 'artery-2' });
    // The next numbers at Erasmus MC (with the demo alone: ART2-EMC-027 and SCR-EMC-042).
    const next = await nextNumbers('artery-2', 'EMC');
    const r = await coord.entry.inclusion.include(arteryInclusion());
    expect(r).toMatchObject({
      studyId: next.studyId,
      screeningNumber: next.screeningNumber,
      timeZero: '2026-11-25',
    });
    const after = await (await h.as('pi')).overview.get({ trialId: 'artery-2' });
    expect(after.inclusion.included).toBe(before.inclusion.included + 1);

    const p = await participantRow(h, 'artery-2', next.studyId);
    expect(p).toMatchObject({
      centre: 'EMC',
      seq: next.seq,
      age_at_inclusion: 61,
      consent_date: '2026-11-20',
      synthetic: 1,
    });
    expect(JSON.parse(p.eligibility)).toMatchObject({
      labDate: '2026-11-10',
      measures: { bilirubin: { value: 12, uln: 17 } },
    });
    const slots = await h.open.db
      .selectFrom('assessment_slots')
      .selectAll()
      .where('participant_id', '=', p.id)
      .execute();
    // ARTERY-2 schedules months 1, 3, 6, 9, 12, 18, 24 from inclusion; month 1 due 2026-12-25 ± 14 days.
    expect(slots.map((s) => s.month)).toEqual([1, 3, 6, 9, 12, 18, 24]);
    expect(slots[0]).toMatchObject({
      due_date: '2026-12-25',
      window_start: '2026-12-11',
      window_end: '2027-01-08',
    });
    const screening = await h.open.db
      .selectFrom('screenings')
      .selectAll()
      .where('screening_number', '=', next.screeningNumber)
      .where('trial_id', '=', 'artery-2')
      .executeTakeFirstOrThrow();
    expect(screening).toMatchObject({
      outcome: 'included',
      participant_id: p.id,
      screening_date: '2026-11-20',
    });

    const audit = await lastAudit(h);
    expect(audit).toMatchObject({
      action: 'participant.included',
      username: 'coord-emc',
      participant: next.studyId,
    });
    expect(JSON.parse(audit.after ?? '{}')).toMatchObject({
      studyId: next.studyId,
      timeZero: '2026-11-25',
    });
    await inclusionAnnounced;
    ac.abort();
    await listening;
    expect(notices.map((n) => [n.kind, n.centre])).toContainEqual(['inclusion', 'EMC']);
  });

  it('refuses the PI, the steering committee and the monitor, and another centre', async () => {
    for (const u of ['pi', 'steering', 'monitor'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.inclusion.include(arteryInclusion({ centre: 'EMC' })),
        'FORBIDDEN',
      );
    await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.inclusion.include(arteryInclusion({ centre: 'AVL' })),
      'FORBIDDEN',
    );
  });

  it('refuses an ineligible candidate listing every failing criterion, per field', async () => {
    const input = arteryInclusion({
      labDate: '2026-10-27', // 29 days before 2026-11-25: the window is 28
      answers: { informedConsent: true, pregnantOrLactating: true, extrahepaticDisease: false },
      measures: {
        age: { value: 17 },
        ecog: { value: 3 },
        anc: { value: 3.1 },
        platelets: { value: 210 },
        bilirubin: { value: 34, uln: 17 }, // < 2 × 17 required: 34 is not below
        egfr: { value: 74 },
      },
    });
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.inclusion.include(input),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e)).sort()).toEqual(
      [
        'answers.pregnantOrLactating',
        'labDate',
        'measures.age.value',
        'measures.bilirubin.value',
        'measures.ecog.value',
      ].sort(),
    );
    expect((e as unknown as { key: string }).key).toBe('inclusion.not_eligible');
    expect(e.message).toContain('5 criteria');
  });

  it('answers in Dutch when the user works in Dutch', async () => {
    const nl = await asDutch(h, 'coord-emc');
    const e = await refusedUnchanged(
      h,
      nl.entry.inclusion.include(
        arteryInclusion({ measures: { ...arteryInclusion().measures, egfr: { value: 44 } } }),
      ),
      'BAD_REQUEST',
    );
    expect(fieldsOf(e)['measures.egfr.value']).toEqual(['eGFR < 45 mL/min (ingevuld 44 mL/min)']);
    const bad = await refusedUnchanged(
      h,
      nl.entry.inclusion.include(arteryInclusion({ inclusionDate: '2026-02-30' })),
      'BAD_REQUEST',
    );
    expect(fieldsOf(bad).inclusionDate).toEqual(['Geen geldige datum (JJJJ-MM-DD)']);
  });

  it.each([
    ['a date in the future', { inclusionDate: '2026-11-27' }, 'inclusionDate'],
    ['an impossible date', { consentDate: '2023-02-30' }, 'consentDate'],
    ['a lab date in the future', { labDate: '2026-12-01' }, 'labDate'],
    [
      'a value out of physical range',
      { measures: { ...arteryInclusion().measures, platelets: { value: 5000 } } },
      'measures.platelets.value',
    ],
    [
      'a missing ULN',
      { measures: { ...arteryInclusion().measures, bilirubin: { value: 12 } } },
      'measures.bilirubin.uln',
    ],
    [
      'an unanswered item',
      { answers: { informedConsent: true, pregnantOrLactating: false } },
      'answers.extrahepaticDisease',
    ],
    [
      'an item the protocol does not have',
      { answers: { ...arteryInclusion().answers, hb: true } },
      'answers.hb',
    ],
    ['a wrong type', { sex: 'unknown' }, 'sex'],
    [
      'a number given as text',
      { measures: { ...arteryInclusion().measures, anc: { value: '3.1' } } },
      'measures.anc.value',
    ],
    [
      'a date before the centre was activated',
      { inclusionDate: '2025-02-20', consentDate: '2025-02-20', labDate: '2025-02-10' },
      'inclusionDate',
    ],
    ['a malformed screening number', { screeningNumber: 'EMC-1' }, 'screeningNumber'],
    ['an unknown screening number', { screeningNumber: 'SCR-EMC-999' }, 'screeningNumber'],
  ])('refuses %s on its field', async (_label, change, field) => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.inclusion.include(arteryInclusion(change)),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toContain(field);
  });

  it('refuses an unknown trial as not found, naming the field', async () => {
    const e = await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.inclusion.include(arteryInclusion({ trialId: 'no-such-trial' })),
      'NOT_FOUND',
    );
    expect(Object.keys(fieldsOf(e))).toEqual(['trialId']);
  });

  it('lets an administrator include at a centre they name, and only a centre of the trial', async () => {
    const admin = await h.as('admin');
    await refusedUnchanged(h, admin.entry.inclusion.include(arteryInclusion()), 'BAD_REQUEST');
    await refusedUnchanged(
      h,
      admin.entry.inclusion.include(arteryInclusion({ centre: 'UMCU' })),
      'BAD_REQUEST',
    );
    // AVL has ART2-AVL-001…014.
    const r = await admin.entry.inclusion.include(arteryInclusion({ centre: 'AVL' }));
    expect(r.studyId).toBe('ART2-AVL-015');
  });

  it('links an earlier screening instead of creating one, once', async () => {
    const coord = await h.as('coord-emc');
    const s = await coord.entry.screening.record({
      trialId: 'artery-2',
      screeningDate: '2026-11-19',
      outcome: 'other',
      reason: 'Awaiting MDT decision',
    });
    const screenings = (await rowCounts(h.open.db)).screenings;
    const r = await coord.entry.inclusion.include(arteryInclusion({ screeningNumber: s.screeningNumber }));
    expect(r.screeningNumber).toBe(s.screeningNumber);
    expect((await rowCounts(h.open.db)).screenings).toBe(screenings);
    const e = await refusedUnchanged(
      h,
      coord.entry.inclusion.include(arteryInclusion({ screeningNumber: s.screeningNumber })),
      'BAD_REQUEST',
    );
    expect(Object.keys(fieldsOf(e))).toEqual(['screeningNumber']);
    // Another centre's screening answers like an unknown one.
    const avl = await (
      await h.as('coord-avl')
    ).entry.screening.record({
      trialId: 'artery-2',
      screeningDate: '2026-11-19',
      outcome: 'other',
      reason: 'Awaiting MDT decision',
    });
    await refusedUnchanged(
      h,
      coord.entry.inclusion.include(arteryInclusion({ screeningNumber: avl.screeningNumber })),
      'BAD_REQUEST',
    );
  });
});

describe('the recruitment target', () => {
  it('refuses inclusions in PUMP-III at 45/45 until an administrator raises the target', async () => {
    const coord = await h.as('coord-emc');
    const e = await refusedUnchanged(h, coord.entry.inclusion.include(pumpInclusion()), 'CONFLICT');
    expect(e.message).toContain('target of 45');
    const admin = await h.as('admin');
    const raised = await admin.trials.setTarget({
      trialId: 'pump-iii',
      target: 46,
      reason: 'Steering committee: one extra',
    });
    expect(raised).toEqual({ trialId: 'pump-iii', target: 46, previous: 45, included: 45 });
    const audit = await lastAudit(h);
    expect(audit).toMatchObject({
      action: 'trial.settings_changed',
      reason: 'Steering committee: one extra',
      username: 'admin',
    });
    expect(JSON.parse(audit.before ?? '')).toEqual({ target: 45 });
    expect(JSON.parse(audit.after ?? '')).toEqual({ target: 46 });
    // PUMP-III counts from surgery: no time zero and no slots yet. EMC has PUMP3-EMC-001…023.
    const r = await coord.entry.inclusion.include(pumpInclusion());
    expect(r).toMatchObject({ studyId: 'PUMP3-EMC-024', timeZero: null, included: 46, target: 46 });
    const p = await participantRow(h, 'pump-iii', 'PUMP3-EMC-024');
    expect(p.time_zero).toBeNull();
    await refusedUnchanged(h, coord.entry.inclusion.include(pumpInclusion()), 'CONFLICT');
  });

  it('lets only an administrator change the target, with a reason, never below the inclusions', async () => {
    for (const u of ['pi', 'coord-emc', 'steering', 'monitor'])
      await refusedUnchanged(
        h,
        (await h.as(u)).trials.setTarget({ trialId: 'pump-iii', target: 50, reason: 'more' }),
        'FORBIDDEN',
      );
    const admin = await h.as('admin');
    const below = await refusedUnchanged(
      h,
      admin.trials.setTarget({ trialId: 'pump-iii', target: 40, reason: 'fewer' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(below).target?.[0]).toContain('46');
    await refusedUnchanged(
      h,
      admin.trials.setTarget({ trialId: 'pump-iii', target: 46, reason: 'same' }),
      'BAD_REQUEST',
    );
    await refusedUnchanged(
      h,
      admin.trials.setTarget({ trialId: 'pump-iii', target: 50, reason: '' }),
      'BAD_REQUEST',
    );
    await refusedUnchanged(
      h,
      admin.trials.setTarget({ trialId: 'nope', target: 50, reason: 'more' }),
      'NOT_FOUND',
    );
  });
});

// Corrections (reason, before/after in the audit, the same rules as entry) and voids (the row stays,
// drops out of counts, and what followed from it is undone). Demo facts (ARTERY-2, synthetic):
// ART2-EMC-022 has cycles 3 (2026-08-05, reduced) and 4 (2026-08-26); ART2-EMC-009 died 2026-10-21 with
// records up to 2026-10-10.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';
import { arteryInclusion, fieldsOf, lastAudit, participantRow, refusedUnchanged } from './entry-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function cycleId(studyId: string, cycle: number) {
  const p = await participantRow(h, 'artery-2', studyId);
  const c = await h.open.db
    .selectFrom('treatment_cycles')
    .select('id')
    .where('participant_id', '=', p.id)
    .where('cycle', '=', cycle)
    .executeTakeFirstOrThrow();
  return c.id;
}

async function eventId(studyId: string, type: string) {
  const p = await participantRow(h, 'artery-2', studyId);
  const e = await h.open.db
    .selectFrom('events')
    .select('id')
    .where('participant_id', '=', p.id)
    .where('type', '=', type as never)
    .executeTakeFirstOrThrow();
  return e.id;
}

const trialId = 'artery-2';

describe('entry.corrections.correct', () => {
  it('corrects a pump visit with a reason, auditing only what changed', async () => {
    const id = await cycleId('ART2-EMC-022', 4);
    const r = await (
      await h.as('coord-emc')
    ).entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id, changes: { doseMg: 38.5, emptyDate: '2026-09-10' } },
      reason: 'Transcription error from the pump clinic sheet',
    });
    expect(Object.keys(r.after).sort()).toEqual(['doseMg', 'emptyDate']);
    const audit = await lastAudit(h);
    expect(audit).toMatchObject({
      action: 'record.corrected',
      entity_id: String(id),
      reason: 'Transcription error from the pump clinic sheet',
    });
    expect(JSON.parse(audit.after ?? '')).toEqual({ doseMg: 38.5, emptyDate: '2026-09-10' });
    expect(JSON.parse(audit.before ?? '')).toHaveProperty('doseMg');
  });

  it('checks the corrected visit with the rules of a new one', async () => {
    const coord = await h.as('coord-emc');
    const id = await cycleId('ART2-EMC-022', 4);
    const order = await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id, changes: { cycleDate: '2026-08-01' } },
        reason: 'date',
      }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(order)['target.changes.cycleDate']?.[0]).toContain('cycle 3');
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id, changes: { modification: 'reduced' } },
        reason: 'dose',
      }),
      'BAD_REQUEST',
    );
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id, changes: { doseMg: 30 } },
        reason: '',
      }),
      'BAD_REQUEST',
    );
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id, changes: { doseMg: 38.5 } },
        reason: 'same value',
      }),
      'BAD_REQUEST',
    );
  });

  it('lets the PI correct, refuses steering and monitor, and another centre like an unknown record', async () => {
    const id = await cycleId('ART2-EMC-022', 3);
    await (
      await h.as('pi')
    ).entry.corrections.correct({
      trialId,
      target: { record: 'cycle', id, changes: { modificationReason: 'ALAT rise, lab of 2026-08-04' } },
      reason: 'Reason clarified at monitoring visit',
    });
    for (const u of ['steering', 'monitor'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.corrections.correct({
          trialId,
          target: { record: 'cycle', id, changes: { doseMg: 1 } },
          reason: 'x'.repeat(5),
        }),
        'FORBIDDEN',
      );
    const avl = await h.as('coord-avl');
    const other = await refusedUnchanged(
      h,
      avl.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id, changes: { doseMg: 1 } },
        reason: 'typo!',
      }),
      'FORBIDDEN',
    );
    const missing = await refusedUnchanged(
      h,
      avl.entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id: 99_999_999, changes: { doseMg: 1 } },
        reason: 'typo!',
      }),
      'FORBIDDEN',
    );
    expect(other.message).toBe(missing.message);
    await refusedUnchanged(
      h,
      (await h.as('admin')).entry.corrections.correct({
        trialId,
        target: { record: 'cycle', id: 99_999_999, changes: { doseMg: 1 } },
        reason: 'typo!',
      }),
      'BAD_REQUEST',
    );
  });

  it('moves a death only where no record follows it, and off study with it', async () => {
    const coord = await h.as('coord-emc');
    const id = await eventId('ART2-EMC-009', 'death');
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'event', id, changes: { date: '2026-10-05' } },
        reason: 'Date from GP letter',
      }),
      'BAD_REQUEST',
    );
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'event', id, changes: { date: '2026-10-15' } },
      reason: 'Date from GP letter',
    });
    expect(await participantRow(h, trialId, 'ART2-EMC-009')).toMatchObject({
      off_study_date: '2026-10-15',
      off_study_reason: 'died',
    });
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'event', id, changes: { recurrenceSite: 'hepatic' } },
        reason: 'wrong field',
      }),
      'BAD_REQUEST',
    );
  });

  it('moves ARTERY-2’s schedule with a corrected inclusion date, and re-checks consent', async () => {
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'participant', studyId, changes: { consentDate: '2026-11-26' } },
        reason: 'Consent date check',
      }),
      'BAD_REQUEST',
    );
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'participant', studyId, changes: { inclusionDate: '2026-11-24', sex: 'male' } },
      reason: 'Inclusion was registered a day late',
    });
    const p = await participantRow(h, trialId, studyId);
    expect(p).toMatchObject({ inclusion_date: '2026-11-24', time_zero: '2026-11-24', sex: 'male' });
    const slot = await h.open.db
      .selectFrom('assessment_slots')
      .selectAll()
      .where('participant_id', '=', p.id)
      .where('month', '=', 1)
      .executeTakeFirstOrThrow();
    expect(slot).toMatchObject({
      due_date: '2026-12-24',
      window_start: '2026-12-10',
      window_end: '2027-01-07',
    });
  });

  it('drops the not-placed reason when a correction dates the pump, and never keeps both', async () => {
    // The participant page and the timeline show the reason as stored: this is what keeps it right.
    const coord = await h.as('coord-emc');
    const { studyId } = await coord.entry.inclusion.include(arteryInclusion());
    await coord.entry.surgery.record({
      trialId,
      studyId,
      surgeryDate: '2026-11-25',
      pump: { placed: false, reason: 'Catheter could not be placed' },
    });
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: {
          record: 'participant',
          studyId,
          changes: { pumpDate: '2026-11-25', pumpNotPlacedReason: 'Catheter could not be placed' },
        },
        reason: 'Both at once',
      }),
      'BAD_REQUEST',
    );
    await coord.entry.corrections.correct({
      trialId,
      target: { record: 'participant', studyId, changes: { pumpDate: '2026-11-25' } },
      reason: 'The pump was placed after all; wrongly entered as not placed',
    });
    expect(await participantRow(h, trialId, studyId)).toMatchObject({
      pump_date: '2026-11-25',
      pump_not_placed_reason: null,
    });
    const page = await coord.participants.get({ trialId, studyId });
    expect(page.participant).toMatchObject({ pumpDate: '2026-11-25', pumpNotPlacedReason: null });
  });

  it('corrects a screening’s outcome with its companions', async () => {
    const coord = await h.as('coord-emc');
    const s = await coord.entry.screening.record({
      trialId,
      screeningDate: '2026-11-20',
      outcome: 'declined',
    });
    const target = { record: 'screening' as const, screeningNumber: s.screeningNumber };
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: { ...target, changes: { outcome: 'other' } },
        reason: 'Not a refusal',
      }),
      'BAD_REQUEST',
    );
    await coord.entry.corrections.correct({
      trialId,
      target: { ...target, changes: { outcome: 'other', reason: 'Moved abroad' } },
      reason: 'Not a refusal',
    });
    const linked = await h.open.db
      .selectFrom('screenings')
      .select('screening_number')
      .where('trial_id', '=', trialId)
      .where('participant_id', 'is not', null)
      .where('centre', '=', 'EMC')
      .executeTakeFirstOrThrow();
    await refusedUnchanged(
      h,
      coord.entry.corrections.correct({
        trialId,
        target: {
          record: 'screening',
          screeningNumber: linked.screening_number,
          changes: { outcome: 'declined' },
        },
        reason: 'wrong',
      }),
      'BAD_REQUEST',
    );
  });
});

describe('entry.corrections.void', () => {
  it('voids an assessment, reopens its slot, and refuses a second void', async () => {
    const coord = await h.as('coord-emc');
    const a = await coord.entry.assessments.record({
      trialId,
      studyId: 'ART2-EMC-018',
      month: 9,
      result: { status: 'done', performedDate: '2026-11-20', cea: 3, imagingResult: 'no_recurrence' },
    });
    await coord.entry.corrections.void({
      trialId,
      target: { record: 'assessment', id: a.id },
      reason: 'Entered for the wrong participant',
    });
    const p = await participantRow(h, trialId, 'ART2-EMC-018');
    const slot = await h.open.db
      .selectFrom('assessment_slots')
      .selectAll()
      .where('participant_id', '=', p.id)
      .where('month', '=', 9)
      .executeTakeFirstOrThrow();
    expect(slot).toMatchObject({ status: 'scheduled', performed_date: null });
    const row = await h.open.db
      .selectFrom('assessments')
      .selectAll()
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ void_reason: 'Entered for the wrong participant' });
    expect(await lastAudit(h)).toMatchObject({
      action: 'record.voided',
      entity_id: String(a.id),
      reason: 'Entered for the wrong participant',
    });
    await refusedUnchanged(
      h,
      coord.entry.corrections.void({ trialId, target: { record: 'assessment', id: a.id }, reason: 'again' }),
      'BAD_REQUEST',
    );
    // The slot can be recorded again.
    await coord.entry.assessments.record({
      trialId,
      studyId: 'ART2-EMC-018',
      month: 9,
      result: { status: 'done', performedDate: '2026-11-21', cea: 3, imagingResult: 'no_recurrence' },
    });
  });

  it('voids a death: off study is lifted and the slots after it reopen', async () => {
    const coord = await h.as('coord-emc');
    const id = await eventId('ART2-EMC-009', 'death');
    await coord.entry.corrections.void({
      trialId,
      target: { record: 'event', id },
      reason: 'Death was reported for the wrong patient',
    });
    const p = await participantRow(h, trialId, 'ART2-EMC-009');
    expect(p).toMatchObject({ off_study_date: null, off_study_reason: null });
    const slots = await h.open.db
      .selectFrom('assessment_slots')
      .select(['month', 'status'])
      .where('participant_id', '=', p.id)
      .execute();
    expect(slots.filter((s) => s.status === 'not_applicable')).toEqual([]);
  });

  it('voids a wrong inclusion: it leaves the counts, its slots and screening go with it', async () => {
    const coord = await h.as('coord-emc');
    const pi = await h.as('pi');
    const { studyId, screeningNumber } = await coord.entry.inclusion.include(arteryInclusion());
    const before = (await pi.overview.get({ trialId })).inclusion.included;
    await refusedUnchanged(
      h,
      coord.entry.corrections.void({
        trialId,
        target: { record: 'screening', screeningNumber },
        reason: 'Wrong',
      }),
      'BAD_REQUEST',
    );
    await coord.entry.corrections.void({
      trialId,
      target: { record: 'participant', studyId },
      reason: 'Included in the wrong trial',
    });
    expect((await pi.overview.get({ trialId })).inclusion.included).toBe(before - 1);
    const p = await participantRow(h, trialId, studyId);
    expect(p.void_reason).toBe('Included in the wrong trial');
    const statuses = await h.open.db
      .selectFrom('assessment_slots')
      .select('status')
      .where('participant_id', '=', p.id)
      .execute();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(['cancelled']));
    // The next inclusion does not reuse the number: the voided row keeps it, so there is no gap either.
    const next = await coord.entry.inclusion.include(arteryInclusion());
    expect(Number(next.studyId.slice(-3))).toBe(Number(studyId.slice(-3)) + 1);
    await refusedUnchanged(
      h,
      coord.entry.events.record({
        trialId,
        studyId,
        event: { type: 'recurrence', date: '2026-11-26', site: 'hepatic' },
      }),
      'BAD_REQUEST',
    );
  });

  it('refuses voids without a reason, by other roles, and at another centre', async () => {
    const id = await cycleId('ART2-EMC-022', 2);
    await refusedUnchanged(
      h,
      (await h.as('coord-emc')).entry.corrections.void({
        trialId,
        target: { record: 'cycle', id },
        reason: ' ',
      }),
      'BAD_REQUEST',
    );
    for (const u of ['steering', 'monitor', 'coord-avl'])
      await refusedUnchanged(
        h,
        (await h.as(u)).entry.corrections.void({ trialId, target: { record: 'cycle', id }, reason: 'wrong' }),
        'FORBIDDEN',
      );
  });
});

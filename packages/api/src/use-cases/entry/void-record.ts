// Voiding a wrong record: it stays in its table, marked with who, when and why, and drops out of every
// count. What followed from it is undone: a voided assessment reopens its slot, a voided off-study event
// reopens the slots it closed, a voided participant's slots are cancelled along with its screening.
import type { TrialDefinition, voidTarget } from '@trialdesk/domain';
import {
  findAssessmentById,
  findCycleById,
  findEntryParticipantById,
  findEventById,
  findScreening,
  recomputeOffStudy,
  updateSlot,
  voidRow,
  type Db,
  type VoidMark,
} from '@trialdesk/db';
import type { z } from 'zod';
import type { AuthedContext } from '../../trpc.js';
import { recordParticipant } from './correction-helpers.js';
import { offStudyTypes } from './record-event.js';
import { assertRecordCentre, fieldError, loadEntryParticipant } from '../../routers/entry/shared.js';

type Target = z.infer<typeof voidTarget>;

export interface VoidOutcome {
  centre: string;
  studyId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown>;
}

export async function voidRecord(
  ctx: AuthedContext,
  trx: Db,
  def: TrialDefinition,
  t: Target,
  mark: VoidMark,
): Promise<VoidOutcome> {
  switch (t.record) {
    case 'participant': {
      const p = await loadEntryParticipant(ctx, trx, 'clinical:correct', def.id, t.studyId, 'target.studyId');
      await voidRow(trx, 'participants', p.id, mark);
      await trx
        .updateTable('assessment_slots')
        .set({ status: 'cancelled' })
        .where('participant_id', '=', p.id)
        .execute();
      const screening = await trx
        .selectFrom('screenings')
        .select(['id', 'screening_number'])
        .where('participant_id', '=', p.id)
        .where('voided_at', 'is', null)
        .executeTakeFirst();
      if (screening) await voidRow(trx, 'screenings', screening.id, mark);
      return {
        centre: p.centre,
        studyId: p.study_id,
        entityType: 'participant',
        entityId: p.study_id,
        before: { inclusionDate: p.inclusion_date, screeningNumber: screening?.screening_number ?? null },
      };
    }
    case 'screening': {
      const s = await findScreening(trx, def.id, t.screeningNumber);
      assertRecordCentre(ctx, 'clinical:correct', s?.centre, 'target.screeningNumber');
      if (!s) throw fieldError(ctx, 'target.screeningNumber', 'entry.record.unknown');
      if (s.voided_at !== null) throw fieldError(ctx, 'target.screeningNumber', 'entry.correction.voided');
      const linked =
        s.participant_id === null ? undefined : await findEntryParticipantById(trx, s.participant_id);
      if (linked && linked.voided_at === null)
        throw fieldError(ctx, 'target.screeningNumber', 'entry.void.linkedScreening');
      await voidRow(trx, 'screenings', s.id, mark);
      return {
        centre: s.centre,
        studyId: null,
        entityType: 'screening',
        entityId: s.screening_number,
        before: { screeningDate: s.screening_date, outcome: s.outcome },
      };
    }
    case 'cycle': {
      const c = await findCycleById(trx, def.id, t.id);
      const p = await recordParticipant(ctx, trx, c, 'target.id');
      if (!c) throw fieldError(ctx, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'treatment_cycles', c.id, mark);
      return {
        centre: p.centre,
        studyId: p.study_id,
        entityType: 'treatment_cycle',
        entityId: String(c.id),
        before: { cycle: c.cycle, cycleDate: c.cycle_date, modification: c.modification },
      };
    }
    case 'assessment': {
      const a = await findAssessmentById(trx, def.id, t.id);
      const p = await recordParticipant(ctx, trx, a, 'target.id');
      if (!a) throw fieldError(ctx, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'assessments', a.id, mark);
      await updateSlot(trx, a.slot_id, { status: 'scheduled', performed_date: null, late: 0 });
      // The reopened slot is expected again unless it falls after the participant went off study.
      await recomputeOffStudy(trx, p.id);
      return {
        centre: p.centre,
        studyId: p.study_id,
        entityType: 'assessment',
        entityId: String(a.id),
        before: { status: a.status, performedDate: a.performed_date },
      };
    }
    case 'event': {
      const e = await findEventById(trx, def.id, t.id);
      const p = await recordParticipant(ctx, trx, e, 'target.id');
      if (!e) throw fieldError(ctx, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'events', e.id, mark);
      if (offStudyTypes.has(e.type)) await recomputeOffStudy(trx, p.id);
      return {
        centre: p.centre,
        studyId: p.study_id,
        entityType: 'event',
        entityId: String(e.id),
        before: { type: e.type, date: e.event_date },
      };
    }
  }
}

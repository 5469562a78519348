// Voiding a wrong record: it stays in its table, marked with who, when and why, and drops out of every
// count. What followed from it is undone: a voided assessment reopens its slot, a voided off-study event
// reopens the slots it closed, a voided participant's slots are cancelled along with its screening.
import type { TrialDefinition, VoidedRecord, voidInput, voidTarget } from '@trialdesk/domain';
import {
  findAssessmentById,
  findCycleById,
  cancelSlots,
  findParticipantById,
  findEventById,
  findScreening,
  findScreeningOfParticipant,
  recomputeOffStudy,
  retimeCycles,
  updateSlot,
  voidRow,
  writeTransaction,
  type Db,
  type VoidMark,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { afterRecordChange } from '../monitoring/after-record-change.js';
import { recordParticipant } from './correction-helpers.js';
import { offStudyTypes } from './record-event.js';
import { assertRecordCentre, loadParticipantForWrite } from '../../access/centre-scope.js';
import { fieldError } from '../../field-errors.js';

type Target = z.infer<typeof voidTarget>;

export interface VoidOutcome {
  centre: string;
  studyId: string | null;
  entityId: string;
  record: VoidedRecord;
}

async function markVoided(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  t: Target,
  mark: VoidMark,
): Promise<VoidOutcome> {
  switch (t.record) {
    case 'participant': {
      const p = await loadParticipantForWrite(
        deps,
        trx,
        'clinical:correct',
        def.id,
        t.studyId,
        'target.studyId',
      );
      await voidRow(trx, 'participants', p.id, mark);
      await cancelSlots(trx, p.id);
      const screening = await findScreeningOfParticipant(trx, p.id);
      if (screening) await voidRow(trx, 'screenings', screening.id, mark);
      return {
        centre: p.centre,
        studyId: p.studyId,
        entityId: p.studyId,
        record: {
          entityType: 'participant',
          before: { inclusionDate: p.inclusionDate, screeningNumber: screening?.screeningNumber ?? null },
        },
      };
    }
    case 'screening': {
      const s = await findScreening(trx, def.id, t.screeningNumber);
      assertRecordCentre(deps, 'clinical:correct', s?.centre, 'target.screeningNumber');
      if (!s) throw fieldError(deps, 'target.screeningNumber', 'entry.record.unknown');
      if (s.voided !== null) throw fieldError(deps, 'target.screeningNumber', 'entry.correction.voided');
      const linked = s.participantId === null ? undefined : await findParticipantById(trx, s.participantId);
      if (linked && linked.voided === null)
        throw fieldError(deps, 'target.screeningNumber', 'entry.void.linkedScreening');
      await voidRow(trx, 'screenings', s.id, mark);
      return {
        centre: s.centre,
        studyId: null,
        entityId: s.screeningNumber,
        record: { entityType: 'screening', before: { screeningDate: s.screeningDate, outcome: s.outcome } },
      };
    }
    case 'cycle': {
      const c = await findCycleById(trx, def.id, t.id);
      const p = await recordParticipant(deps, trx, c, 'target.id');
      if (!c) throw fieldError(deps, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'treatment_cycles', c.id, mark);
      // The cycle after a voided one has no previous day 1 to be timed from until it is recorded again.
      await retimeCycles(trx, def.treatment, p.id, p.pumpDate);
      return {
        centre: p.centre,
        studyId: p.studyId,
        entityId: String(c.id),
        record: {
          entityType: 'treatment_cycle',
          before: { cycle: c.cycle, cycleDate: c.cycleDate, modification: c.modification },
        },
      };
    }
    case 'assessment': {
      const a = await findAssessmentById(trx, def.id, t.id);
      const p = await recordParticipant(deps, trx, a, 'target.id');
      if (!a) throw fieldError(deps, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'assessments', a.id, mark);
      await updateSlot(trx, a.slotId, { status: 'scheduled', performedDate: null, late: false });
      // The reopened slot is expected again unless it falls after the participant went off study.
      await recomputeOffStudy(trx, p.id);
      return {
        centre: p.centre,
        studyId: p.studyId,
        entityId: String(a.id),
        record: { entityType: 'assessment', before: { status: a.status, performedDate: a.performedDate } },
      };
    }
    case 'event': {
      const e = await findEventById(trx, def.id, t.id);
      const p = await recordParticipant(deps, trx, e, 'target.id');
      if (!e) throw fieldError(deps, 'target.id', 'entry.record.unknown');
      await voidRow(trx, 'events', e.id, mark);
      if (offStudyTypes.has(e.type)) await recomputeOffStudy(trx, p.id);
      return {
        centre: p.centre,
        studyId: p.studyId,
        entityId: String(e.id),
        record: { entityType: 'event', before: { type: e.type, date: e.date } },
      };
    }
  }
}

/** Voids one record with its reason, audited as record.voided with what the record held. */
export async function voidRecord(
  deps: UseCaseDeps,
  input: z.output<typeof voidInput>,
): Promise<{ record: Target['record']; entityId: string }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const mark = { at: nowIso(deps), by: deps.actor.id, reason: input.reason };
  const result = await writeTransaction(deps.db, async (trx) => {
    const r = await markVoided(deps, trx, def, input.target, mark);
    const auditSeq = await writeAudit(deps, trx, {
      action: 'record.voided',
      ...r.record,
      entityId: r.entityId,
      trialId: def.id,
      centre: r.centre,
      participant: r.studyId,
      after: { voided: true },
      reason: input.reason,
    });
    await afterRecordChange(deps, trx, def, {
      record: input.target.record,
      entityId: r.entityId,
      studyId: r.studyId,
      fields: 'all',
      cause: 'voided',
      reason: input.reason,
      queryId: input.queryId,
      auditSeq,
    });
    return r;
  });
  publishChange(deps, def.id, 'correction', result.centre);
  return { record: input.target.record, entityId: result.entityId };
}

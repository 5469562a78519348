// Corrections of screenings, pump visits, assessments and events: the saved record with the changes merged
// in must pass the rules of a new entry (the schema, and the rules against the participant's other records).
import {
  checkComplication,
  checkCycle,
  checkScreeningOutcome,
  cycleFields,
  isWithinWindow,
  screeningFields,
  type correctionTarget,
  type IsoDate,
  type TrialDefinition,
} from '@trialdesk/domain';
import {
  currentCycles,
  currentEvents,
  findAssessmentById,
  findCycleById,
  findEntryParticipantById,
  findEventById,
  findScreening,
  findSlotById,
  parseCriteria,
  recomputeOffStudy,
  updateAssessment,
  updateCycle,
  updateEvent,
  updateScreening,
  updateSlot,
  type Db,
} from '@trialdesk/db';
import type { z } from 'zod';
import type { UseCaseDeps } from '../deps.js';
import { checkPerformedDate } from './record-assessment.js';
import { definedOnly, diff, recordParticipant, revalidate } from './correction-helpers.js';
import { checkCycleOrder } from './record-cycle.js';
import { checkEvent, offStudyTypes } from './record-event.js';
import { checkCriteriaKnown } from './record-screening.js';
import { assertRecordCentre } from '../../access/centre-scope.js';
import { FieldErrors, fieldError } from '../../field-errors.js';

type Target = z.infer<typeof correctionTarget>;
type Of<R extends Target['record']> = Extract<Target, { record: R }>;
const prefix = 'target.changes.';

function unchanged(deps: UseCaseDeps): never {
  throw fieldError(deps, 'target.changes', 'entry.correction.nothing');
}

export async function correctScreening(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  t: Of<'screening'>,
  asOf: IsoDate,
) {
  const s = await findScreening(trx, def.id, t.screeningNumber);
  assertRecordCentre(deps, 'clinical:correct', s?.centre, 'target.screeningNumber');
  if (!s) throw fieldError(deps, 'target.screeningNumber', 'entry.record.unknown');
  if (s.voided_at !== null) throw fieldError(deps, 'target.screeningNumber', 'entry.correction.voided');
  const before = {
    screeningDate: s.screening_date,
    outcome: s.outcome,
    failedCriteria: parseCriteria(s.failed_criteria),
    reason: s.reason,
  };
  const errors = new FieldErrors(deps.lang, prefix);
  const next = revalidate(deps, errors, screeningFields.superRefine(checkScreeningOutcome), {
    ...before,
    ...definedOnly(t.changes),
  });
  if (next) {
    errors.notFuture('screeningDate', next.screeningDate, asOf);
    checkCriteriaKnown(errors, def, next.failedCriteria);
    if (s.participant_id !== null && next.outcome !== 'included')
      errors.add('outcome', 'entry.void.linkedScreening');
  }
  errors.throwIfAny();
  if (!next) return unchanged(deps);
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  await updateScreening(trx, s.id, {
    screening_date: next.screeningDate,
    outcome: next.outcome,
    failed_criteria: JSON.stringify(next.failedCriteria),
    reason: next.reason,
  });
  const studyId =
    s.participant_id === null
      ? null
      : ((await findEntryParticipantById(trx, s.participant_id))?.study_id ?? null);
  return {
    centre: s.centre,
    studyId,
    entityId: s.screening_number,
    change: { entityType: 'screening' as const, before: d.before, after: d.after },
  };
}

export async function correctCycle(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  t: Of<'cycle'>,
  asOf: IsoDate,
) {
  const c = await findCycleById(trx, def.id, t.id);
  const p = await recordParticipant(deps, trx, c, 'target.id');
  if (!c) return unchanged(deps);
  const before = {
    cycleDate: c.cycle_date,
    emptyDate: c.empty_date,
    flowRateMlDay: c.flow_rate_ml_day,
    returnedVolumeMl: c.returned_volume_ml,
    doseMg: c.dose_mg,
    modification: c.modification,
    modificationReason: c.modification_reason,
  };
  const errors = new FieldErrors(deps.lang, prefix);
  const next = revalidate(deps, errors, cycleFields.superRefine(checkCycle), {
    ...before,
    ...definedOnly(t.changes),
  });
  if (next) {
    const others = (await currentCycles(trx, p.id)).filter((o) => o.id !== c.id);
    await checkCycleOrder(errors, trx, def.treatment, p, { ...next, cycle: c.cycle }, others, asOf);
  }
  errors.throwIfAny();
  if (!next) return unchanged(deps);
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  await updateCycle(trx, c.id, {
    cycle_date: next.cycleDate,
    empty_date: next.emptyDate,
    flow_rate_ml_day: next.flowRateMlDay,
    returned_volume_ml: next.returnedVolumeMl,
    dose_mg: next.doseMg,
    modification: next.modification,
    modification_reason: next.modificationReason,
  });
  return {
    centre: p.centre,
    studyId: p.study_id,
    entityId: String(c.id),
    change: { entityType: 'treatment_cycle' as const, before: d.before, after: d.after },
  };
}

export async function correctAssessment(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  t: Of<'assessment'>,
  asOf: IsoDate,
) {
  const a = await findAssessmentById(trx, def.id, t.id);
  const p = await recordParticipant(deps, trx, a, 'target.id');
  const slot = a ? await findSlotById(trx, a.slot_id) : undefined;
  if (!a || !slot) return unchanged(deps);
  const changes = definedOnly(t.changes);
  const errors = new FieldErrors(deps.lang, prefix);
  const allowed = a.status === 'done' ? ['performedDate', 'cea', 'imagingResult'] : ['missedReason'];
  for (const key of Object.keys(changes))
    if (!allowed.includes(key)) errors.add(key, 'entry.correction.notForStatus', { status: a.status });
  const before = {
    performedDate: a.performed_date,
    cea: a.cea,
    imagingResult: a.imaging_result,
    missedReason: a.missed_reason,
  };
  const next = { ...before, ...changes };
  if (a.status === 'done' && next.performedDate)
    await checkPerformedDate(errors, trx, p, 'performedDate', next.performedDate, asOf);
  errors.throwIfAny();
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  const late =
    next.performedDate !== null &&
    !isWithinWindow({ windowStart: slot.window_start, windowEnd: slot.window_end }, next.performedDate);
  await updateAssessment(trx, a.id, {
    performed_date: next.performedDate,
    cea: next.cea,
    imaging_result: next.imagingResult,
    missed_reason: next.missedReason,
    out_of_window: late ? 1 : 0,
  });
  await updateSlot(trx, slot.id, { performed_date: next.performedDate, late: late ? 1 : 0 });
  return {
    centre: p.centre,
    studyId: p.study_id,
    entityId: String(a.id),
    change: { entityType: 'assessment' as const, before: d.before, after: d.after },
  };
}

const eventKeys: Record<string, readonly string[]> = {
  recurrence: ['date', 'recurrenceSite'],
  death: ['date', 'deathCause'],
  complication: [
    'date',
    'complicationTerm',
    'complicationCategory',
    'gradeScale',
    'grade',
    'haipRelated',
    'resolutionDate',
  ],
  withdrawal: ['date', 'reason'],
  lost_to_follow_up: ['date', 'reason'],
};

export async function correctEvent(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  t: Of<'event'>,
  asOf: IsoDate,
) {
  const e = await findEventById(trx, def.id, t.id);
  const p = await recordParticipant(deps, trx, e, 'target.id');
  if (!e) return unchanged(deps);
  const changes = definedOnly(t.changes);
  const errors = new FieldErrors(deps.lang, prefix);
  for (const key of Object.keys(changes))
    if (!eventKeys[e.type]?.includes(key))
      errors.add(key, 'entry.correction.notForStatus', { status: e.type });
  const before = {
    date: e.event_date,
    recurrenceSite: e.recurrence_site,
    deathCause: e.death_cause,
    complicationTerm: e.complication_term,
    complicationCategory: e.complication_category,
    gradeScale: e.grade_scale,
    grade: e.grade,
    haipRelated: e.haip_related === null ? null : e.haip_related === 1,
    resolutionDate: e.resolution_date,
    reason: e.reason,
  };
  const next = { ...before, ...changes };
  if (e.type === 'complication' && next.gradeScale && next.grade !== null)
    checkComplication(
      {
        gradeScale: next.gradeScale,
        grade: next.grade,
        date: next.date,
        resolutionDate: next.resolutionDate,
      },
      { addIssue: (i) => errors.addKey(i.path.join('.'), i.message, i.params) },
    );
  const others = (await currentEvents(trx, p.id)).filter((o) => o.id !== e.id);
  await checkEvent(
    errors,
    trx,
    p,
    { type: e.type, date: next.date, resolutionDate: next.resolutionDate },
    others,
    asOf,
    '',
    false,
  );
  errors.throwIfAny();
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  await updateEvent(trx, e.id, {
    event_date: next.date,
    recurrence_site: next.recurrenceSite,
    death_cause: next.deathCause,
    complication_term: next.complicationTerm,
    complication_category: next.complicationCategory,
    grade_scale: next.gradeScale,
    grade: next.grade,
    haip_related: next.haipRelated === null ? null : next.haipRelated ? 1 : 0,
    resolution_date: next.resolutionDate,
    reason: next.reason,
  });
  if (offStudyTypes.has(e.type)) await recomputeOffStudy(trx, p.id);
  return {
    centre: p.centre,
    studyId: p.study_id,
    entityId: String(e.id),
    change: { entityType: 'event' as const, before: d.before, after: d.after },
  };
}

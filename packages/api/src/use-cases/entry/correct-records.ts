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
  earliestClinicalDate,
} from '@trialdesk/domain';
import {
  currentCycles,
  currentEvents,
  findAssessmentById,
  findCycleById,
  findParticipantById,
  findEventById,
  findScreening,
  findSlotById,
  recomputeOffStudy,
  retimeCycles,
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
  if (s.voided !== null) throw fieldError(deps, 'target.screeningNumber', 'entry.correction.voided');
  const { screeningDate, outcome, failedCriteria, reason } = s;
  const before = { screeningDate, outcome, failedCriteria, reason };
  const errors = new FieldErrors(deps.lang, prefix, earliestClinicalDate(def));
  const next = revalidate(deps, errors, screeningFields.superRefine(checkScreeningOutcome), {
    ...before,
    ...definedOnly(t.changes),
  });
  if (next) {
    errors.plausibleDate('screeningDate', next.screeningDate, asOf);
    checkCriteriaKnown(errors, def, next.failedCriteria);
    if (s.participantId !== null && next.outcome !== 'included')
      errors.add('outcome', 'entry.void.linkedScreening');
    // Only the Include page makes a screening "included" (with its participant); a correction cannot.
    if (s.participantId === null && next.outcome === 'included' && before.outcome !== 'included')
      errors.add('outcome', 'entry.screening.includedViaInclusion');
  }
  errors.throwIfAny();
  if (!next) return unchanged(deps);
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  await updateScreening(trx, s.id, next);
  const studyId =
    s.participantId === null ? null : ((await findParticipantById(trx, s.participantId))?.studyId ?? null);
  return {
    centre: s.centre,
    studyId,
    entityId: s.screeningNumber,
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
  const { cycleDate, emptyDate, flowRateMlDay, returnedVolumeMl, doseMg, modification, modificationReason } =
    c;
  const before = {
    cycleDate,
    emptyDate,
    flowRateMlDay,
    returnedVolumeMl,
    doseMg,
    modification,
    modificationReason,
  };
  const errors = new FieldErrors(deps.lang, prefix, earliestClinicalDate(def));
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
  await updateCycle(trx, c.id, next);
  // This cycle's window and the next one's (planned from this day 1) follow the corrected date.
  await retimeCycles(trx, def.treatment, p.id, p.pumpDate);
  return {
    centre: p.centre,
    studyId: p.studyId,
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
  const slot = a ? await findSlotById(trx, a.slotId) : undefined;
  if (!a || !slot) return unchanged(deps);
  const changes = definedOnly(t.changes);
  const errors = new FieldErrors(deps.lang, prefix, earliestClinicalDate(def));
  const allowed = a.status === 'done' ? ['performedDate', 'cea', 'imagingResult'] : ['missedReason'];
  for (const key of Object.keys(changes))
    if (!allowed.includes(key)) errors.add(key, 'entry.correction.notForStatus', { status: a.status });
  const before = {
    performedDate: a.performedDate,
    cea: a.cea,
    imagingResult: a.imagingResult,
    missedReason: a.missedReason,
  };
  const next = { ...before, ...changes };
  if (a.status === 'done' && next.performedDate)
    await checkPerformedDate(errors, trx, p, 'performedDate', next.performedDate, asOf);
  errors.throwIfAny();
  const d = diff(before, next);
  if (!d.changed) unchanged(deps);
  const late = next.performedDate !== null && !isWithinWindow(slot, next.performedDate);
  await updateAssessment(trx, a.id, { ...next, outOfWindow: late });
  await updateSlot(trx, slot.id, { performedDate: next.performedDate, late });
  return {
    centre: p.centre,
    studyId: p.studyId,
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
  const errors = new FieldErrors(deps.lang, prefix, earliestClinicalDate(def));
  for (const key of Object.keys(changes))
    if (!eventKeys[e.type]?.includes(key))
      errors.add(key, 'entry.correction.notForStatus', { status: e.type });
  const { date, recurrenceSite, deathCause, complicationTerm, complicationCategory } = e;
  const { gradeScale, grade, haipRelated, resolutionDate, reason } = e;
  const before = {
    date,
    recurrenceSite,
    deathCause,
    complicationTerm,
    complicationCategory,
    gradeScale,
    grade,
    haipRelated,
    resolutionDate,
    reason,
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
  await updateEvent(trx, e.id, next);

  if (offStudyTypes.has(e.type)) await recomputeOffStudy(trx, p.id);
  return {
    centre: p.centre,
    studyId: p.studyId,
    entityId: String(e.id),
    change: { entityType: 'event' as const, before: d.before, after: d.after },
  };
}

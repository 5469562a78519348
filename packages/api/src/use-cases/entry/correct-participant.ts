// Correcting a participant's inclusion, surgery and pump data. The corrected values pass the same rules
// as at entry (eligibility re-evaluated with the stored checklist and the corrected dates and age), and a
// moved time zero moves the assessment schedule with it.
import {
  centreOf,
  evaluateEligibility,
  type correctionTarget,
  type IsoDate,
  type TrialDefinition,
  earliestClinicalDate,
} from '@trialdesk/domain';
import {
  currentCycles,
  earliestRecordDate,
  rescheduleSlots,
  retimeCycles,
  updateParticipant,
  type Db,
} from '@trialdesk/db';
import type { z } from 'zod';
import type { UseCaseDeps } from '../deps.js';
import { definedOnly, diff } from './correction-helpers.js';
import { deathDate } from './rules.js';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { FieldErrors, fieldError } from '../../field-errors.js';

type Target = Extract<z.infer<typeof correctionTarget>, { record: 'participant' }>;

const eligibilityField: Record<string, string> = {
  inclusionDate: 'inclusionDate',
  consentDate: 'consentDate',
  'measures.age.value': 'ageAtInclusion',
};

export async function correctParticipant(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  target: Target,
  asOf: IsoDate,
) {
  const p = await loadParticipantForWrite(
    deps,
    trx,
    'clinical:correct',
    def.id,
    target.studyId,
    'target.studyId',
  );
  const before = {
    inclusionDate: p.inclusionDate,
    consentDate: p.consentDate,
    sex: p.sex,
    ageAtInclusion: p.ageAtInclusion,
    surgeryDate: p.surgeryDate,
    pumpDate: p.pumpDate,
    pumpNotPlacedReason: p.pumpNotPlacedReason,
  };
  const changes = definedOnly(target.changes);
  const next = { ...before, ...changes };
  // A pump dated now is placed: its not-placed reason goes, unless the same correction sets both.
  if (changes.pumpDate && changes.pumpNotPlacedReason === undefined) next.pumpNotPlacedReason = null;
  const errors = new FieldErrors(deps.lang, 'target.changes.', earliestClinicalDate(def));
  errors
    .plausibleDate('inclusionDate', next.inclusionDate, asOf)
    .plausibleDate('consentDate', next.consentDate, asOf)
    .plausibleDate('surgeryDate', next.surgeryDate, asOf)
    .plausibleDate('pumpDate', next.pumpDate, asOf)
    .notBefore(
      'inclusionDate',
      next.inclusionDate,
      centreOf(def, p.centre)?.activationDate ?? null,
      'entry.date.beforeCentreActivation',
    )
    .notBefore('surgeryDate', next.surgeryDate, next.inclusionDate, 'entry.date.beforeInclusion')
    .notBefore('pumpDate', next.pumpDate, next.surgeryDate, 'entry.date.beforeSurgery');
  if (next.pumpDate && !next.surgeryDate) errors.add('pumpDate', 'entry.surgery.required');
  if (next.pumpDate && next.pumpNotPlacedReason)
    errors.add('pumpNotPlacedReason', 'entry.correction.notForStatus', { status: 'placed pump' });
  const earliest = await earliestRecordDate(trx, p.id);
  if (earliest && next.inclusionDate > earliest)
    errors.add('inclusionDate', 'entry.date.recordsAfter', { date: earliest });
  const cycles = await currentCycles(trx, p.id);
  if (cycles.length > 0 && next.pumpDate === null) errors.add('pumpDate', 'entry.cycle.noPump');
  const firstCycle = cycles[0]?.cycleDate ?? null;
  if (firstCycle && next.pumpDate && next.pumpDate > firstCycle)
    errors.add('pumpDate', 'entry.date.recordsAfter', { date: firstCycle });
  const died = await deathDate(trx, p.id);
  for (const field of ['surgeryDate', 'pumpDate'] as const)
    if (died && next[field] && next[field] > died) errors.add(field, 'entry.date.afterDeath', { date: died });

  // Eligibility again, with the stored checklist and the corrected dates and age.
  const stored = p.eligibility;
  const hasAge = 'age' in stored.measures;
  const measures = hasAge
    ? { ...stored.measures, age: { value: next.ageAtInclusion, uln: null } }
    : stored.measures;
  const evaluation = evaluateEligibility(def, {
    ...stored,
    measures,
    consentDate: next.consentDate,
    inclusionDate: next.inclusionDate,
  });
  for (const f of [...evaluation.failures, ...evaluation.inputErrors])
    errors.addText(eligibilityField[f.field] ?? 'inclusionDate', f.message[deps.lang]);
  errors.throwIfAny();

  const d = diff(before, next);
  if (!d.changed) throw fieldError(deps, 'target.changes', 'entry.correction.nothing');
  await updateParticipant(trx, p.id, { ...next, eligibility: { ...stored, measures } });
  const timeZero = def.schedule.timeZero === 'inclusion' ? next.inclusionDate : next.surgeryDate;
  if (timeZero && timeZero !== p.timeZero) await rescheduleSlots(trx, def, p, timeZero);
  // Cycle 1's window runs from the pump date: a corrected pump moves it, and what was a deviation may not be.
  if (next.pumpDate !== p.pumpDate) await retimeCycles(trx, def.treatment, p.id, next.pumpDate);
  return {
    centre: p.centre,
    studyId: p.studyId,
    entityId: p.studyId,
    change: { entityType: 'participant' as const, before: d.before, after: d.after },
  };
}

// Inclusion: the server re-evaluates eligibility with the domain rules and refuses an ineligible inclusion
// listing every failing criterion; within one transaction it takes the centre's next study ID, checks the
// target, writes the participant with its eligibility record, links or creates the screening row, and,
// where the protocol counts from inclusion, schedules the assessments.
import {
  asksAge,
  centreOf,
  entryMessage,
  evaluateEligibility,
  type EligibilityRecord,
  type inclusionInput,
  type TrialDefinition,
  earliestClinicalDate,
} from '@trialdesk/domain';
import {
  countIncluded,
  courseFromInclusion,
  findScreening,
  insertParticipant,
  insertScheduledSlots,
  takeStudyId,
  updateScreening,
  writeTransaction,
  type Db,
} from '@trialdesk/db';
import type { z } from 'zod';
import { writeCentre } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { AppError } from '../../errors.js';
import { appError, FieldErrors, fieldError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoQueries } from '../monitoring/sync-auto-queries.js';
import { writeScreening } from './record-screening.js';

type Input = z.output<typeof inclusionInput>;

export interface Inclusion {
  studyId: string;
  screeningNumber: string;
  timeZero: string | null;
  included: number;
  target: number;
}

/** Checks that need no database: dates, the age, and eligibility itself. Returns the age. */
function checkInclusion(deps: UseCaseDeps, def: TrialDefinition, centre: string, input: Input): number {
  const asOf = today(deps);
  const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def))
    .plausibleDate('inclusionDate', input.inclusionDate, asOf)
    .plausibleDate('consentDate', input.consentDate, asOf)
    .plausibleDate('labDate', input.labDate, asOf);
  const activation = centreOf(def, centre)?.activationDate ?? null;
  errors.notBefore('inclusionDate', input.inclusionDate, activation, 'entry.date.beforeCentreActivation');
  const age = asksAge(def) ? input.measures.age?.value : input.age;
  if (!asksAge(def) && age === undefined) errors.add('age', 'entry.age.required');
  const evaluation = evaluateEligibility(def, input);
  for (const e of evaluation.inputErrors) errors.addText(e.field, e.message[deps.lang]);
  errors.throwIfAny();
  if (!evaluation.eligible) {
    const fields: Record<string, string[]> = {};
    for (const f of evaluation.failures) (fields[f.field] ??= []).push(f.message[deps.lang]);
    const count = evaluation.failures.length;
    throw new AppError(
      'BAD_REQUEST',
      'inclusion.not_eligible',
      entryMessage('entry.inclusion.notEligible', deps.lang, { count }),
      { fields, params: { count, criteria: evaluation.failures.map((f) => f.criterionId).join(',') } },
    );
  }
  return age ?? 0;
}

/** An earlier screening may be linked if it is this centre's, current, unlinked, and logged as included or other. */
async function linkableScreening(
  deps: UseCaseDeps,
  trx: Db,
  trialId: string,
  centre: string,
  number: string,
) {
  const s = await findScreening(trx, trialId, number);
  // Another centre's screening answers like one that does not exist.
  if (!s || s.centre !== centre) throw fieldError(deps, 'screeningNumber', 'entry.record.unknown');
  if (s.voided !== null || s.participantId !== null || !['included', 'other'].includes(s.outcome))
    throw fieldError(deps, 'screeningNumber', 'entry.screening.notLinkable');
  return s;
}

export async function includeParticipant(deps: UseCaseDeps, input: Input): Promise<Inclusion> {
  const { result, centre } = await writeTransaction(deps.db, async (trx) => {
    // The trial is read once, under the write lock: the target it holds is the one this inclusion is
    // checked against (an administrator may just have changed it), and no second read is needed.
    const trial = await loadTrial({ db: trx, lang: deps.lang }, input.trialId);
    const def = trial.definition;
    const centre = writeCentre(deps, def, input.centre);
    const age = checkInclusion(deps, def, centre, input);
    const eligibility: EligibilityRecord = {
      answers: input.answers,
      measures: Object.fromEntries(
        Object.entries(input.measures).map(([id, m]) => [id, { value: m.value, uln: m.uln }]),
      ),
      labDate: input.labDate,
    };
    const { seq, studyId } = await takeStudyId(trx, def, centre);
    const target = def.target;
    // Under the write lock nobody else includes meanwhile: after this inclusion there are one more.
    const includedBefore = await countIncluded(trx, def.id);
    if (includedBefore >= target)
      throw appError(deps, 'CONFLICT', 'entry.inclusion.targetReached', { target });
    const linked = input.screeningNumber
      ? await linkableScreening(deps, trx, def.id, centre, input.screeningNumber)
      : null;
    const timeZero = def.schedule.timeZero === 'inclusion' ? input.inclusionDate : null;
    // A time zero known at inclusion is written with the participant (not by a second UPDATE).
    const course = timeZero ? courseFromInclusion(def, timeZero) : undefined;
    const participantId = await insertParticipant(
      trx,
      {
        trialId: def.id,
        centre,
        studyId,
        seq,
        inclusionDate: input.inclusionDate,
        consentDate: input.consentDate,
        ageAtInclusion: age,
        sex: input.sex,
        eligibility,
        synthetic: trial.synthetic,
        createdAt: nowIso(deps),
        createdBy: deps.actor.id,
      },
      course,
    );
    let screeningNumber: string;
    if (linked) {
      screeningNumber = linked.screeningNumber;
      await updateScreening(trx, linked.id, { outcome: 'included', participantId });
    } else {
      screeningNumber = await writeScreening(deps, trx, {
        trialId: def.id,
        centre,
        screeningDate: input.consentDate < input.inclusionDate ? input.consentDate : input.inclusionDate,
        outcome: 'included',
        failedCriteria: [],
        reason: null,
        participant: { id: participantId, studyId },
      });
    }
    const slots = timeZero
      ? await insertScheduledSlots(trx, def, { id: participantId, centre }, timeZero)
      : [];
    await writeAudit(deps, trx, {
      action: 'participant.included',
      entityType: 'participant',
      entityId: studyId,
      trialId: def.id,
      centre,
      participant: studyId,
      before: null,
      after: {
        studyId,
        centre,
        inclusionDate: input.inclusionDate,
        consentDate: input.consentDate,
        ageAtInclusion: age,
        sex: input.sex,
        eligibility,
        screeningNumber,
        screeningLinked: linked !== null,
        timeZero,
      },
      reason: null,
    });
    // The rules run on what this write created (the slots, nothing else) instead of reading it back.
    await syncAutoQueries(deps, trx, def, participantId, {
      participant: { id: participantId, centre, studyId, ageAtInclusion: age },
      slots,
    });
    return { result: { studyId, screeningNumber, timeZero, included: includedBefore + 1, target }, centre };
  });
  publishChange(deps, input.trialId, 'inclusion', centre);
  return result;
}

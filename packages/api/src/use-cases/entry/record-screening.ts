// The screening log: each screened candidate under a pseudonymous number per centre. writeScreening is the
// one place a screening row and its audit entry are written, for a screening logged on its own and for the
// one an inclusion creates, so both carry the same audit payload.
import {
  eligibilityRuleIds,
  type ScreeningOutcome,
  type screeningInput,
  type TrialDefinition,
  earliestClinicalDate,
} from '@trialdesk/domain';
import { insertScreening, nextScreeningNumber, writeTransaction, type Db } from '@trialdesk/db';
import type { z } from 'zod';
import { nowIso, today } from '../../context.js';
import { loadTrial } from '../../access/load-trial.js';
import { writeCentre } from '../../access/centre-scope.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

/** Failing criteria named on a screening must be criteria (or date rules) of this protocol. */
export function checkCriteriaKnown(errors: FieldErrors, def: TrialDefinition, ids: readonly string[]) {
  const known = new Set(eligibilityRuleIds(def));
  for (const id of ids) if (!known.has(id)) errors.add('failedCriteria', 'entry.criterion.unknown', { id });
}

export interface NewScreening {
  trialId: string;
  centre: string;
  screeningDate: string;
  outcome: ScreeningOutcome;
  failedCriteria: readonly string[];
  reason: string | null;
  /** The participant an inclusion created, with its study ID; null for a screening logged on its own. */
  participant: { id: number; studyId: string } | null;
}

/** Takes the centre's next screening number and writes the row and its audit entry; returns the number. */
export async function writeScreening(deps: UseCaseDeps, trx: Db, s: NewScreening): Promise<string> {
  const screeningNumber = await nextScreeningNumber(trx, s.trialId, s.centre);
  await insertScreening(trx, {
    trialId: s.trialId,
    centre: s.centre,
    screeningNumber,
    screeningDate: s.screeningDate,
    outcome: s.outcome,
    failedCriteria: [...s.failedCriteria],
    reason: s.reason,
    participantId: s.participant?.id ?? null,
    createdAt: nowIso(deps),
    createdBy: deps.actor.id,
  });
  const studyId = s.participant?.studyId ?? null;
  await writeAudit(deps, trx, {
    action: 'screening.recorded',
    entityType: 'screening',
    entityId: screeningNumber,
    trialId: s.trialId,
    centre: s.centre,
    participant: studyId,
    before: null,
    after: {
      screeningNumber,
      screeningDate: s.screeningDate,
      outcome: s.outcome,
      failedCriteria: [...s.failedCriteria],
      reason: s.reason,
      studyId,
    },
    reason: null,
  });
  return screeningNumber;
}

export async function recordScreening(
  deps: UseCaseDeps,
  input: z.output<typeof screeningInput>,
): Promise<{ screeningNumber: string }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const centre = writeCentre(deps, def, input.centre);
  const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def)).plausibleDate(
    'screeningDate',
    input.screeningDate,
    today(deps),
  );
  checkCriteriaKnown(errors, def, input.failedCriteria);
  errors.throwIfAny();
  const screeningNumber = await writeTransaction(deps.db, (trx) =>
    writeScreening(deps, trx, {
      trialId: def.id,
      centre,
      screeningDate: input.screeningDate,
      outcome: input.outcome,
      failedCriteria: input.failedCriteria,
      reason: input.reason,
      participant: null,
    }),
  );
  publishChange(deps, def.id, 'screening', centre);
  return { screeningNumber };
}

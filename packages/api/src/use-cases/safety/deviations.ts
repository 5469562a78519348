// The protocol deviation log: coordinators (their own centre) and the data manager log a deviation; the
// system logs an out-of-window visit or cycle itself (auto-deviations.ts). Everyone who reads participants
// reads the log in their scope; the summary per centre and category is an aggregate.
import {
  earliestClinicalDate,
  summariseDeviations,
  centreOf,
  type DeviationSummaryCell,
  type deviationListInput,
  type recordDeviationInput,
} from '@trialdesk/domain';
import {
  deviationCounts,
  insertDeviation,
  listDeviations,
  withAllCentres,
  writeTransaction,
  type DeviationRecord,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipant, loadParticipantForWrite, scopedCentre } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

export async function recordDeviation(
  deps: UseCaseDeps,
  input: z.output<typeof recordDeviationInput>,
): Promise<{ deviationId: number }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const result = await writeTransaction(deps.db, async (trx) => {
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def));
    const p =
      input.studyId === null
        ? null
        : await loadParticipantForWrite(deps, trx, 'deviation:record', def.id, input.studyId);
    let centre: string;
    if (p) {
      if (input.centre !== undefined && input.centre !== p.centre)
        errors.add('centre', 'deviation.centre.participant', { centre: p.centre });
      centre = p.centre;
    } else {
      // A coordinator logs for their own centre only; the data manager names the centre.
      const own = scopedCentre(deps.actor, 'deviation:record', input.centre);
      centre = own ?? '';
      if (!own) errors.add('centre', 'deviation.centre.required');
      else if (!centreOf(def, own)) errors.add('centre', 'entry.centre.unknown');
    }
    errors.plausibleDate('date', input.date, today(deps));
    if (p) errors.notBefore('date', input.date, p.inclusionDate, 'entry.date.beforeInclusion');
    errors.throwIfAny();
    const id = await insertDeviation(trx, {
      trialId: def.id,
      centre,
      participantId: p?.id ?? null,
      category: input.category,
      severity: input.severity,
      description: input.description,
      date: input.date,
      correctiveAction: input.correctiveAction,
      origin: 'manual',
      createdAt: nowIso(deps),
      createdBy: deps.actor.id,
      createdByName: deps.actor.displayName,
    });
    // Only an automatic deviation (with a key) can already exist; a manual one is always new.
    if (id === null) throw new Error('A manual deviation was not inserted');
    await writeAudit(deps, trx, {
      action: 'deviation.recorded',
      entityType: 'deviation',
      entityId: String(id),
      trialId: def.id,
      centre,
      participant: p?.studyId ?? null,
      reason: null,
      before: null,
      after: {
        category: input.category,
        severity: input.severity,
        description: input.description,
        date: input.date,
        correctiveAction: input.correctiveAction,
        origin: 'manual',
        recordType: null,
        recordId: null,
      },
    });
    return { id, centre };
  });
  publishChange(deps, def.id, 'deviation', result.centre);
  return { deviationId: result.id };
}

type Reader = Pick<UseCaseDeps, 'db' | 'actor' | 'lang'>;

export async function listDeviationsFor(
  deps: Reader,
  input: z.output<typeof deviationListInput>,
): Promise<DeviationRecord[]> {
  const trial = await loadTrial(deps, input.trialId);
  const centre = scopedCentre(deps.actor, 'participant:read', input.centre);
  const participantId =
    input.studyId === undefined
      ? null
      : (await loadParticipant(deps, deps.db, 'participant:read', trial.id, input.studyId)).id;
  return listDeviations(deps.db, {
    trialId: trial.id,
    centre,
    participantId,
    category: input.category ?? null,
  });
}

export interface DeviationSummary {
  total: number;
  major: number;
  minor: number;
  cells: DeviationSummaryCell[];
}

/** Per centre and category, major and minor: an aggregate (the overview, the committee report, steering). */
export async function deviationSummaryFor(
  deps: Reader,
  input: { trialId: string },
): Promise<DeviationSummary> {
  const trial = await loadTrial(deps, input.trialId);
  // Trial-wide for every role that reads aggregates: named across centres for PostgreSQL's row-level scope.
  const cells = summariseDeviations(await withAllCentres(deps.db, (all) => deviationCounts(all, trial.id)));
  const major = cells.reduce((n, c) => n + c.major, 0);
  const minor = cells.reduce((n, c) => n + c.minor, 0);
  return { total: major + minor, major, minor, cells };
}

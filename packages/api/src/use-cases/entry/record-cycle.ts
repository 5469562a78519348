// Pump visits, one per treatment cycle, recorded in order: no cycle k+1 before cycle k, nothing after a
// stop, each fill after the pump was placed and after the previous cycle. Each visit is stored with the
// window it was due in (retimeCycles): one given outside it is a protocol deviation that stays on the
// record, and the next visit is planned one cycle length after this one's actual day 1.
import {
  cycleWindow,
  entryMessage,
  type cycleInput,
  type CycleTiming,
  type IsoDate,
  type TreatmentPlan,
  earliestClinicalDate,
} from '@trialdesk/domain';
import {
  currentCycles,
  insertCycle,
  retimeCycles,
  writeTransaction,
  type Db,
  type TreatmentCycle,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoQueries } from '../monitoring/sync-auto-queries.js';
import { deathDate } from './rules.js';

export interface CycleCheck {
  cycle: number;
  cycleDate: IsoDate;
  emptyDate: IsoDate | null;
  modification: string;
}

/**
 * Rules that need the participant's other cycles; `others` excludes the cycle being written (a correction
 * checks the corrected cycle against its neighbours).
 */
export async function checkCycleOrder(
  errors: FieldErrors,
  trx: Db,
  plan: TreatmentPlan | null,
  p: { id: number; pumpDate: string | null },
  c: CycleCheck,
  others: readonly TreatmentCycle[],
  asOf: IsoDate,
): Promise<void> {
  errors.plausibleDate('cycleDate', c.cycleDate, asOf).plausibleDate('emptyDate', c.emptyDate, asOf);
  if (!plan) {
    errors.add('cycle', 'entry.cycle.noTreatment');
    return;
  }
  if (c.cycle > plan.cycleCount) errors.add('cycle', 'entry.cycle.beyondPlan', { count: plan.cycleCount });
  if (p.pumpDate === null) errors.add('cycle', 'entry.cycle.noPump');
  errors.notBefore('cycleDate', c.cycleDate, p.pumpDate, 'entry.date.beforePump');
  const byNumber = new Map(others.map((o) => [o.cycle, o]));
  const previous = byNumber.get(c.cycle - 1);
  if (c.cycle > 1 && !previous) errors.add('cycle', 'entry.cycle.outOfOrder', { previous: c.cycle - 1 });
  if (previous && c.cycleDate <= previous.cycleDate)
    errors.add('cycleDate', 'entry.date.notAfterPrevious', {
      cycle: previous.cycle,
      date: previous.cycleDate,
    });
  const next = others.filter((o) => o.cycle > c.cycle).sort((a, b) => a.cycle - b.cycle)[0];
  if (next && c.cycleDate >= next.cycleDate)
    errors.add('cycleDate', 'entry.date.notBeforeNext', { cycle: next.cycle, date: next.cycleDate });
  const stop = others.find((o) => o.modification === 'stopped' && o.cycle < c.cycle);
  if (stop) errors.add('cycle', 'entry.cycle.afterStop', { cycle: stop.cycle });
  if (c.modification === 'stopped' && next)
    errors.add('modification', 'entry.cycle.stopNotLast', { cycle: next.cycle });
  const died = await deathDate(trx, p.id);
  if (died && c.cycleDate > died) errors.add('cycleDate', 'entry.date.afterDeath', { date: died });
}

/** The deviation of a cycle given outside its window, in words; null when on time. */
export function cycleDeviation(timing: CycleTiming | undefined, lang: 'en' | 'nl'): string | null {
  return timing?.outOfWindow
    ? entryMessage('entry.assessment.outOfWindow', lang, { start: timing.windowStart, end: timing.windowEnd })
    : null;
}

export interface RecordedCycle {
  id: number;
  plannedDate: IsoDate | null;
  nextPlannedDate: IsoDate | null;
  deviation: string | null;
}

export async function recordCycle(
  deps: UseCaseDeps,
  input: z.output<typeof cycleInput>,
): Promise<RecordedCycle> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'clinical:write', def.id, input.studyId);
    const cycles = await currentCycles(trx, p.id);
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def));
    if (cycles.some((c) => c.cycle === input.cycle))
      errors.add('cycle', 'entry.cycle.exists', { cycle: input.cycle });
    await checkCycleOrder(errors, trx, def.treatment, p, input, cycles, today(deps));
    errors.throwIfAny();
    const plan = def.treatment;
    const pumpDate = p.pumpDate;
    if (!plan || !pumpDate) throw new Error('unreachable: checked above');
    const values = {
      cycleDate: input.cycleDate,
      emptyDate: input.emptyDate,
      flowRateMlDay: input.flowRateMlDay,
      returnedVolumeMl: input.returnedVolumeMl,
      doseMg: input.doseMg,
      modification: input.modification,
      modificationReason: input.modificationReason,
    };
    const owner = { trialId: def.id, participantId: p.id, centre: p.centre };
    const created = { createdAt: nowIso(deps), createdBy: deps.actor.id };
    const id = await insertCycle(trx, { ...owner, ...created }, input.cycle, values);
    const timing = (await retimeCycles(trx, plan, p.id, pumpDate)).get(input.cycle);
    const deviation = cycleDeviation(timing, deps.lang);
    await writeAudit(deps, trx, {
      action: 'cycle.recorded',
      entityType: 'treatment_cycle',
      entityId: String(id),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      before: null,
      // The window it missed, as the audit event has always carried it (null when on time).
      after: {
        cycle: input.cycle,
        ...values,
        deviation: timing?.outOfWindow ? { earliest: timing.windowStart, latest: timing.windowEnd } : null,
      },
      reason: null,
    });
    await syncAutoQueries(deps, trx, def, p.id);
    return {
      id,
      centre: p.centre,
      plannedDate: timing?.plannedDate ?? null,
      // One cycle length after this visit's actual day 1 (PROTOCOL.md "Treatment"); none after a stop or
      // the last cycle of the plan.
      nextPlannedDate:
        input.modification === 'stopped' || input.cycle >= plan.cycleCount
          ? null
          : (cycleWindow(plan, pumpDate, input.cycle + 1, input.cycleDate)?.plannedDate ?? null),
      deviation,
    };
  });
  publishChange(deps, def.id, 'cycle', result.centre);
  const { centre: _centre, ...answer } = result;
  return answer;
}

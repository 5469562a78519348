// The window each pump visit was due in, stored with the visit (migration 009) so that a cycle given
// outside it stays a visible protocol deviation wherever the cycle is shown, instead of being recomputed
// (or forgotten) by each page. A cycle's window depends on the pump date and on the actual day 1 of the
// cycle before it, so every write that changes either re-times all of the participant's current cycles
// in the same transaction; a voided cycle keeps the timing it had.
import { timeCycles, type CycleTiming, type IsoDate, type TreatmentPlan } from '@trialdesk/domain';
import type { Db } from '../../database.js';
import { findTrial } from '../trials.js';
import { currentCycles } from './clinical-records.js';

function sameTiming(a: CycleTiming | null, b: CycleTiming | null): boolean {
  return (
    a?.plannedDate === b?.plannedDate &&
    a?.windowStart === b?.windowStart &&
    a?.windowEnd === b?.windowEnd &&
    (a?.outOfWindow ?? false) === (b?.outOfWindow ?? false)
  );
}

/**
 * Re-times the participant's current cycles from the trial's plan and pump date and stores what changed.
 * Returns the timing of each current cycle by cycle number (empty without a plan or a pump).
 */
export async function retimeCycles(
  trx: Db,
  plan: TreatmentPlan | null,
  participantId: number,
  pumpDate: IsoDate | null,
): Promise<Map<number, CycleTiming>> {
  const cycles = await currentCycles(trx, participantId);
  const timings =
    plan && pumpDate
      ? timeCycles(
          plan,
          pumpDate,
          cycles.map((c) => ({ cycle: c.cycle, date: c.cycleDate, modification: c.modification })),
        )
      : new Map<number, CycleTiming>();
  for (const c of cycles) {
    const t = timings.get(c.cycle) ?? null;
    if (sameTiming(c.timing, t)) continue;
    await trx
      .updateTable('treatment_cycles')
      .set({
        planned_date: t?.plannedDate ?? null,
        window_start: t?.windowStart ?? null,
        window_end: t?.windowEnd ?? null,
        out_of_window: t?.outOfWindow ? 1 : 0,
      })
      .where('id', '=', c.id)
      .execute();
  }
  return timings;
}

/**
 * Times the cycles written before migration 009 (start-up; a no-op once done). Voided cycles from then
 * are timed as they stood among the cycles that count today.
 */
export async function backfillCycleTimings(db: Db): Promise<number> {
  const pending = await db
    .selectFrom('treatment_cycles as c')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .select(['c.participant_id', 'c.trial_id', 'p.pump_date'])
    .where('c.planned_date', 'is', null)
    .where('c.voided_at', 'is', null)
    .where('p.pump_date', 'is not', null)
    .groupBy(['c.participant_id', 'c.trial_id', 'p.pump_date'])
    .execute();
  const plans = new Map<string, TreatmentPlan | null>();
  for (const row of pending) {
    if (!plans.has(row.trial_id))
      plans.set(row.trial_id, (await findTrial(db, row.trial_id))?.definition.treatment ?? null);
    await retimeCycles(db, plans.get(row.trial_id) ?? null, row.participant_id, row.pump_date);
  }
  return pending.length;
}

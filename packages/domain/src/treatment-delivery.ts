// How much of the planned treatment each participant received: one definition per number, used by CONSORT,
// Safety, the report and its PDF alike, so that the same label always shows the same count.
//
// Definitions, from the data model (one current treatment_cycles record per cycle number, 1…cycleCount):
// - a cycle is *given* when it is recorded with drug: modification none, reduced or delayed. A skipped
//   cycle, and a cycle recorded as "stopped" (treatment ended at that visit, no drug), are not given;
// - *reached cycle N* (N = the plan's cycle count, 6 for PUMP-III): cycle N was given;
// - *received all N cycles*: every cycle 1…N was given (none skipped, none stopped). A reduced or delayed
//   dose still counts as given. Every participant who received all N cycles also reached cycle N; the
//   difference is those who skipped a cycle along the way.
import type { DatasetCycle } from './endpoints-dataset.js';

type CycleLike = Pick<DatasetCycle, 'cycle' | 'modification'>;

export function isCycleGiven(c: Pick<DatasetCycle, 'modification'>): boolean {
  return c.modification !== 'skipped' && c.modification !== 'stopped';
}

/** Number of cycles with drug given. */
export function cyclesGiven(cycles: readonly Pick<DatasetCycle, 'modification'>[]): number {
  return cycles.filter(isCycleGiven).length;
}

/** "Reached cycle N": the plan's last cycle was given. */
export function reachedFinalCycle(cycles: readonly CycleLike[], cycleCount: number): boolean {
  return cycleCount > 0 && cycles.some((c) => c.cycle === cycleCount && isCycleGiven(c));
}

/** "Received all N cycles": cycles 1…N were each given, none skipped or stopped. */
export function receivedAllCycles(cycles: readonly CycleLike[], cycleCount: number): boolean {
  if (cycleCount <= 0) return false;
  const given = new Set(cycles.filter(isCycleGiven).map((c) => c.cycle));
  for (let n = 1; n <= cycleCount; n += 1) if (!given.has(n)) return false;
  return true;
}

export interface TreatmentDeliveryCounts {
  cycleCount: number;
  /** Participants who reached the plan's last cycle (it was given). */
  reachedFinalCycle: number;
  /** Participants who received every planned cycle. */
  receivedAllCycles: number;
}

export function treatmentDeliveryCounts(
  participants: readonly { cycles: readonly CycleLike[] }[],
  cycleCount: number,
): TreatmentDeliveryCounts {
  return {
    cycleCount,
    reachedFinalCycle: participants.filter((p) => reachedFinalCycle(p.cycles, cycleCount)).length,
    receivedAllCycles: participants.filter((p) => receivedAllCycles(p.cycles, cycleCount)).length,
  };
}

/**
 * The labels of these counts, in both languages, so that every page and the PDF name them alike.
 * `{cycles}` is the plan's cycle count.
 */
export const deliveryCountLabels = {
  reachedFinalCycle: { en: 'Reached cycle {cycles}', nl: 'Cyclus {cycles} bereikt' },
  notReachedFinalCycle: { en: 'Did not reach cycle {cycles}', nl: 'Cyclus {cycles} niet bereikt' },
  receivedAllCycles: { en: 'Received all {cycles} cycles', nl: 'Alle {cycles} cycli gekregen' },
} as const;

export type DeliveryCountKey = keyof typeof deliveryCountLabels;

export function deliveryCountLabel(key: DeliveryCountKey, lang: 'en' | 'nl', cycleCount: number): string {
  return deliveryCountLabels[key][lang].replace('{cycles}', String(cycleCount));
}

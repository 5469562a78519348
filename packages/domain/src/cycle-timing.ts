// When each treatment cycle was due and whether it was given on time. Cycle 1 is due from the earliest
// protocol start after the pump (PUMP-III: 4 weeks) and on time until the latest (12 weeks); every later
// cycle is planned one cycle length after the previous cycle's actual day 1 (PROTOCOL.md "Treatment"),
// never earlier, and on time within `dayOneWindowDays` (default: the emptying window, ±4 days) of that
// date. A cycle given outside its window is a protocol deviation; it is stored with the cycle, so that it
// stays visible wherever the cycle is shown. A skipped or stopped cycle gives no drug and has no timing
// to deviate from (its date is the visit at which it was decided).
import { addDays, type IsoDate } from './dates.js';
import type { TreatmentPlan } from './trial-definition.js';
import type { CycleModificationInput } from './entry/treatment.js';

export interface CycleWindow {
  plannedDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

export interface CycleTiming extends CycleWindow {
  /** True when drug was given outside the window: a protocol deviation. */
  outOfWindow: boolean;
}

export function dayOneWindowDays(plan: TreatmentPlan): number {
  return plan.dayOneWindowDays ?? plan.emptyWindowDays;
}

/**
 * The window of cycle `cycle`: cycle 1 from the pump date, a later cycle from the previous cycle's actual
 * day 1 (null when that cycle has no record yet: then its window is not known).
 */
export function cycleWindow(
  plan: TreatmentPlan,
  pumpDate: IsoDate,
  cycle: number,
  previousDayOne: IsoDate | null,
): CycleWindow | null {
  if (cycle === 1) {
    const [earliest, latest] = plan.firstCycleAfterDays;
    return {
      plannedDate: addDays(pumpDate, earliest),
      windowStart: addDays(pumpDate, earliest),
      windowEnd: addDays(pumpDate, latest),
    };
  }
  if (previousDayOne === null) return null;
  const plannedDate = addDays(previousDayOne, plan.cycleLengthDays);
  const w = dayOneWindowDays(plan);
  return { plannedDate, windowStart: addDays(plannedDate, -w), windowEnd: addDays(plannedDate, w) };
}

export function isCycleOutOfWindow(
  window: Pick<CycleWindow, 'windowStart' | 'windowEnd'>,
  date: IsoDate,
  modification: CycleModificationInput,
): boolean {
  if (modification === 'skipped' || modification === 'stopped') return false;
  return date < window.windowStart || date > window.windowEnd;
}

/** The timing of every recorded cycle of one participant (current records, any order), by cycle number. */
export function timeCycles(
  plan: TreatmentPlan,
  pumpDate: IsoDate,
  cycles: readonly { cycle: number; date: IsoDate; modification: CycleModificationInput }[],
): Map<number, CycleTiming> {
  const byNumber = new Map(cycles.map((c) => [c.cycle, c]));
  const out = new Map<number, CycleTiming>();
  for (const c of [...cycles].sort((a, b) => a.cycle - b.cycle)) {
    const window = cycleWindow(plan, pumpDate, c.cycle, byNumber.get(c.cycle - 1)?.date ?? null);
    if (window)
      out.set(c.cycle, { ...window, outOfWindow: isCycleOutOfWindow(window, c.date, c.modification) });
  }
  return out;
}

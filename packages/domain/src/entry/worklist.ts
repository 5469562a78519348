// What a coordinator must do next for a participant on pump treatment: the next cycle that is not yet
// recorded, its planned date (planCycles, so a delay moves the rest of the plan), and whether it is due
// this month or overdue. Cycle 1 is overdue after the latest start the protocol allows; a later cycle
// once its planned date plus the visit window has passed.
import { addDays, endOfMonth, type IsoDate } from '../dates.js';
import { dayOneWindowDays } from '../cycle-timing.js';
import { latestFirstCycleDate, planCycles } from '../schedule.js';
import type { TreatmentPlan } from '../trial-definition.js';

export interface NextCycle {
  cycle: number;
  plannedDate: IsoDate;
  /** The last day the visit is still on time. */
  dueBy: IsoDate;
  state: 'overdue' | 'due_this_month' | 'later';
}

export function nextCycle(
  plan: TreatmentPlan,
  pumpDate: IsoDate,
  recorded: readonly { cycle: number; date: IsoDate }[],
  today: IsoDate,
): NextCycle | null {
  const given = new Map(recorded.map((c) => [c.cycle, c.date]));
  const planned = planCycles(plan, pumpDate, given);
  // The lowest cycle not recorded: cycles are recorded in order, so this is the next visit.
  const next = planned.find((c) => !given.has(c.cycle));
  if (!next) return null;
  const dueBy =
    next.cycle === 1
      ? latestFirstCycleDate(plan, pumpDate)
      : addDays(next.plannedDate, dayOneWindowDays(plan));
  const state =
    today > dueBy ? 'overdue' : next.plannedDate <= endOfMonth(today) ? 'due_this_month' : 'later';
  return { cycle: next.cycle, plannedDate: next.plannedDate, dueBy, state };
}

// What a coordinator must do next for a participant on pump treatment: the next cycle that is not yet
// recorded, its planned date (planCycles, so a delay moves the rest of the plan), and whether it is due
// this month or overdue. Cycle 1 is overdue after the latest start the protocol allows; a later cycle
// once its planned date plus the visit window has passed.
import { addDays, diffDays, endOfMonth, type IsoDate } from '../dates.js';
import { dayOneWindowDays } from '../cycle-timing.js';
import { latestFirstCycleDate, planCycles } from '../schedule.js';
import type { TreatmentPlan, TrialDefinition } from '../trial-definition.js';

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

/**
 * Calendar days an item is overdue on `today`: 0 up to and including the last day it is on time (the
 * window's end), 1 on the day after. The worklist shows it and sorts on it, most overdue first.
 */
export function daysOverdue(dueBy: IsoDate, today: IsoDate): number {
  return Math.max(0, diffDays(dueBy, today));
}

const DEFAULT_SURGERY_WITHIN_DAYS = 28;

/** Days after inclusion within which the protocol plans surgery (and pump placement). */
export function surgeryDueDays(def: Pick<TrialDefinition, 'schedule'>): number {
  return def.schedule.surgeryWithinDays ?? DEFAULT_SURGERY_WITHIN_DAYS;
}

/** The last day a surgery is on time for a participant included on `inclusionDate`. */
export function surgeryDueBy(def: Pick<TrialDefinition, 'schedule'>, inclusionDate: IsoDate): IsoDate {
  return addDays(inclusionDate, surgeryDueDays(def));
}

/**
 * Whether the worklist still asks anything for a participant: nothing once they died, withdrew or were
 * lost to follow-up (a coordinator cannot see them any more; visits they missed before stay missing on
 * their page and in monitoring), and nothing due after the end of their follow-up.
 */
export function inFollowUp(
  p: { offStudyDate: IsoDate | null; followUpEnd: IsoDate | null },
  dueDate: IsoDate,
): boolean {
  if (p.offStudyDate !== null) return false;
  return p.followUpEnd === null || dueDate <= p.followUpEnd;
}

/** Most overdue first; equal ones by due date, then study ID, so the order is stable. */
export function byMostOverdue<T extends { daysOverdue: number; dueBy: IsoDate; studyId: string }>(
  a: T,
  b: T,
): number {
  if (a.daysOverdue !== b.daysOverdue) return b.daysOverdue - a.daysOverdue;
  if (a.dueBy !== b.dueBy) return a.dueBy < b.dueBy ? -1 : 1;
  return a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0;
}

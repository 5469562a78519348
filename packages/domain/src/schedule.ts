// The assessment schedule and the treatment-cycle plan, derived from the trial definition and a
// participant's time zero. Due dates use calendar months (addMonths clamps to the month's end), and
// windows are whole days either side of the due date, inclusive at both ends.
import { addDays, addMonths, type IsoDate } from './dates.js';
import type { AssessmentSchedule, TreatmentPlan } from './trial-definition.js';

export interface AssessmentSlot {
  month: number;
  dueDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
}

export function scheduleAssessments(schedule: AssessmentSchedule, timeZero: IsoDate): AssessmentSlot[] {
  return schedule.assessments.map(({ month, windowDays }) => {
    const dueDate = addMonths(timeZero, month);
    return {
      month,
      dueDate,
      windowStart: addDays(dueDate, -windowDays),
      windowEnd: addDays(dueDate, windowDays),
    };
  });
}

export function isWithinWindow(
  slot: Pick<AssessmentSlot, 'windowStart' | 'windowEnd'>,
  date: IsoDate,
): boolean {
  return date >= slot.windowStart && date <= slot.windowEnd;
}

/** What a scheduled assessment is, as the follow-up matrix shows it. */
export const assessmentStates = [
  'done',
  'done_late',
  'missed',
  'due',
  'overdue',
  'upcoming',
  'not_applicable',
] as const;
export type AssessmentState = (typeof assessmentStates)[number];

/** How an assessment slot is stored: still open, recorded, or no longer expected (participant off study). */
export type SlotStatus = 'scheduled' | 'done' | 'missed' | 'not_applicable';

export interface SlotRecord {
  status: SlotStatus;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  performedDate: IsoDate | null;
}

/**
 * The state of one slot on a given day. An open slot is upcoming before its window, due inside it and
 * overdue after it; a slot done outside its window is "done_late" (a protocol deviation, still done).
 */
export function assessmentState(slot: SlotRecord, today: IsoDate): AssessmentState {
  switch (slot.status) {
    case 'done':
      return slot.performedDate !== null && !isWithinWindow(slot, slot.performedDate) ? 'done_late' : 'done';
    case 'missed':
      return 'missed';
    case 'not_applicable':
      return 'not_applicable';
    case 'scheduled':
      if (today < slot.windowStart) return 'upcoming';
      return today <= slot.windowEnd ? 'due' : 'overdue';
  }
}

export interface PlannedCycle {
  cycle: number;
  plannedDate: IsoDate;
}

/**
 * Planned day-1 dates of the treatment cycles. Cycle 1 is planned at the earliest protocol start after
 * time zero; every later cycle one cycle length after the previous cycle's actual (or planned) day 1,
 * so a delay moves the rest of the plan with it.
 */
export function planCycles(
  plan: TreatmentPlan,
  timeZero: IsoDate,
  given: ReadonlyMap<number, IsoDate> = new Map(),
): PlannedCycle[] {
  const cycles: PlannedCycle[] = [];
  let previous: IsoDate | null = null;
  for (let cycle = 1; cycle <= plan.cycleCount; cycle += 1) {
    const plannedDate: IsoDate =
      previous === null
        ? addDays(timeZero, plan.firstCycleAfterDays[0])
        : addDays(previous, plan.cycleLengthDays);
    cycles.push({ cycle, plannedDate });
    previous = given.get(cycle) ?? plannedDate;
  }
  return cycles;
}

/** Latest start of cycle 1 that the protocol allows after time zero. */
export function latestFirstCycleDate(plan: TreatmentPlan, timeZero: IsoDate): IsoDate {
  return addDays(timeZero, plan.firstCycleAfterDays[1]);
}

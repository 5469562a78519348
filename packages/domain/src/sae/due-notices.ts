// When a running report clock tells people ("report coming due"): a notice once when the report is coming
// due, and once more when it is overdue. The warning comes early enough to act on: 6 hours before the 24-hour
// initial report is due (a working day's last quarter: the site can still send it on time), 2 days before a
// SUSAR's 7- or 15-day report (time to complete the assessment and submit it to the authorities). A clock
// first seen when already overdue gets only the overdue notice: a "coming due" one would be untrue by then.
import { DAY_MS, HOUR_MS, isComingDue, type ReportClock } from './clocks.js';

export type DueReport = 'initial' | 'susar';
export type DueThreshold = 'coming_due' | 'overdue';

/** How long before its due instant a still-running report counts as coming due. */
export const COMING_DUE_MS: Record<DueReport, number> = {
  initial: 6 * HOUR_MS,
  susar: 2 * DAY_MS,
};

/** The threshold a clock has reached at the moment it was read (null: none yet, or the report is made). */
export function dueThreshold(clock: ReportClock, report: DueReport): DueThreshold | null {
  if (clock.state === 'overdue') return 'overdue';
  return isComingDue(clock, COMING_DUE_MS[report]) ? 'coming_due' : null;
}

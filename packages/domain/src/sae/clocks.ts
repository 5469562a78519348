// The SAE reporting clocks (ICH E2A; EU CTR 536/2014 art. 41–42; PUMP-III protocol): the site reports an
// SAE to the sponsor within 24 hours of becoming aware of it; a SUSAR goes to the authorities within 7 days
// when it is fatal or life-threatening, within 15 days otherwise. Every clock runs from the site's awareness,
// on UTC instants: exact durations, never calendar days, so a change of summer time neither adds nor takes
// an hour. Pure functions, shared by the API, the worklist, the overview and the mails "coming due".
import { type SeriousCriterion } from './definitions.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
/** The initial SAE report: 24 hours after awareness. */
export const INITIAL_REPORT_MS = 24 * HOUR_MS;
/** A fatal or life-threatening SUSAR: 7 days. */
export const SUSAR_FATAL_MS = 7 * DAY_MS;
/** Any other SUSAR: 15 days. */
export const SUSAR_OTHER_MS = 15 * DAY_MS;

/**
 * Where a report stands: made on time (at or before the due instant), made late, still due, or overdue (not
 * made and the due instant has passed). A report made exactly at the due instant is on time.
 */
export type ClockState = 'on_time' | 'late' | 'due' | 'overdue';

export interface ReportClock {
  /** When the clock started (the site's awareness), an ISO UTC instant. */
  startAt: string;
  /** The last instant the report is on time. */
  dueAt: string;
  reportedAt: string | null;
  state: ClockState;
  /** Milliseconds left until due at `now` (negative once overdue); null once the report is made. */
  remainingMs: number | null;
}

function ms(instant: string | Date): number {
  const t = typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (Number.isNaN(t)) throw new RangeError(`Not an instant: ${String(instant)}`);
  return t;
}

/** One clock: `durationMs` from `startAt`, stopped by `reportedAt` (if made), read at `now`. */
export function reportClock(
  startAt: string,
  durationMs: number,
  reportedAt: string | null,
  now: Date | string,
): ReportClock {
  const due = ms(startAt) + durationMs;
  const dueAt = new Date(due).toISOString();
  if (reportedAt !== null)
    return {
      startAt,
      dueAt,
      reportedAt,
      state: ms(reportedAt) <= due ? 'on_time' : 'late',
      remainingMs: null,
    };
  const remaining = due - ms(now);
  return { startAt, dueAt, reportedAt, state: remaining >= 0 ? 'due' : 'overdue', remainingMs: remaining };
}

/** Fatal or life-threatening: the SUSAR's 7-day clock instead of 15. */
export function isFatalOrLifeThreatening(criteria: readonly SeriousCriterion[]): boolean {
  return criteria.includes('death') || criteria.includes('life_threatening');
}

export interface SaeClockInput {
  awareAt: string;
  /** When the initial report reached the system; null while it is still to be made. */
  initialReportedAt: string | null;
  susar: boolean;
  criteria: readonly SeriousCriterion[];
  susarReportedAt: string | null;
}

export interface SaeClocks {
  initial: ReportClock;
  /** Only for a SUSAR. */
  susar: ReportClock | null;
}

export function saeClocks(sae: SaeClockInput, now: Date | string): SaeClocks {
  const initial = reportClock(sae.awareAt, INITIAL_REPORT_MS, sae.initialReportedAt, now);
  const susar = sae.susar
    ? reportClock(
        sae.awareAt,
        isFatalOrLifeThreatening(sae.criteria) ? SUSAR_FATAL_MS : SUSAR_OTHER_MS,
        sae.susarReportedAt,
        now,
      )
    : null;
  return { initial, susar };
}

/** Whether any report of the SAE is overdue now (the worklist and the overview). */
export function isSaeOverdue(clocks: SaeClocks): boolean {
  return clocks.initial.state === 'overdue' || clocks.susar?.state === 'overdue';
}

/** Whether a clock that is still running falls due within `withinMs` of now (mails "coming due"). */
export function isComingDue(clock: ReportClock, withinMs: number): boolean {
  return clock.state === 'due' && clock.remainingMs !== null && clock.remainingMs <= withinMs;
}

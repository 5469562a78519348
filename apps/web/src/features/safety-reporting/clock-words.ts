// A report clock in words: whole hours, rounded against the site (an overdue or late report counts every
// started hour, a running clock only the whole hours left), so "on time" is never shown for a report that
// is not, and "0 hours overdue" never appears.
import { HOUR_MS } from '@trialdesk/domain';
import type { RouterOutputs } from '../../lib/trpc';

export type SaeView = RouterOutputs['safety']['list']['saes'][number];
export type ClockView = SaeView['clocks']['initial'];

export type ClockWords =
  | { key: 'clockOnTime'; due: string }
  | { key: 'clockLate' | 'clockDue' | 'clockOverdue'; due: string; n: number };

/** Which message and how many hours, for a clock as the server computed it. */
export function clockWords(clock: ClockView): ClockWords {
  switch (clock.state) {
    case 'on_time':
      return { key: 'clockOnTime', due: clock.dueAt };
    case 'late': {
      const lateMs = Date.parse(clock.reportedAt ?? clock.dueAt) - Date.parse(clock.dueAt);
      return { key: 'clockLate', due: clock.dueAt, n: Math.max(1, Math.ceil(lateMs / HOUR_MS)) };
    }
    case 'due':
      return { key: 'clockDue', due: clock.dueAt, n: Math.floor((clock.remainingMs ?? 0) / HOUR_MS) };
    case 'overdue':
      return {
        key: 'clockOverdue',
        due: clock.dueAt,
        n: Math.max(1, Math.ceil(-(clock.remainingMs ?? 0) / HOUR_MS)),
      };
  }
}

/** The colour of a clock's badge: green settled on time, red late or overdue, orange running. */
export function clockColour(clock: ClockView): string {
  return clock.state === 'on_time' ? 'teal' : clock.state === 'due' ? 'orange' : 'red';
}

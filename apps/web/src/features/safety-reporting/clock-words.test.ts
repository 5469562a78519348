// Hours in the clock's words, computed by hand from the instants (not from the function under test).
import { describe, expect, it } from 'vitest';
import { clockWords, type ClockView } from './clock-words';

const base = { startAt: '2026-03-28T10:00:00.000Z', dueAt: '2026-03-29T10:00:00.000Z' };
const running = (remainingMs: number, state: 'due' | 'overdue'): ClockView => ({
  ...base,
  reportedAt: null,
  state,
  remainingMs,
});

describe('clockWords', () => {
  it('a report made exactly at the due instant is on time', () => {
    expect(clockWords({ ...base, reportedAt: base.dueAt, state: 'on_time', remainingMs: null })).toEqual({
      key: 'clockOnTime',
      due: base.dueAt,
    });
  });
  it('a report one minute late counts one started hour; 6 hours late is 6', () => {
    const late = (at: string): ClockView => ({ ...base, reportedAt: at, state: 'late', remainingMs: null });
    expect(clockWords(late('2026-03-29T10:01:00.000Z'))).toMatchObject({ key: 'clockLate', n: 1 });
    expect(clockWords(late('2026-03-29T16:00:00.000Z'))).toMatchObject({ key: 'clockLate', n: 6 });
    expect(clockWords(late('2026-03-29T16:00:00.001Z'))).toMatchObject({ key: 'clockLate', n: 7 });
  });
  it('a running clock shows the whole hours left: 23 h 59 min is 23', () => {
    expect(clockWords(running(23 * 3_600_000 + 59 * 60_000, 'due'))).toMatchObject({
      key: 'clockDue',
      n: 23,
    });
    expect(clockWords(running(0, 'due'))).toMatchObject({ key: 'clockDue', n: 0 });
  });
  it('an overdue clock counts every started hour: 1 ms is 1 hour, 30 h is 30, 30 h 1 ms is 31', () => {
    expect(clockWords(running(-1, 'overdue'))).toMatchObject({ key: 'clockOverdue', n: 1 });
    expect(clockWords(running(-30 * 3_600_000, 'overdue'))).toMatchObject({ key: 'clockOverdue', n: 30 });
    expect(clockWords(running(-30 * 3_600_000 - 1, 'overdue'))).toMatchObject({ n: 31 });
  });
});

import { describe, expect, it } from 'vitest';
import { DAY_MS, HOUR_MS, INITIAL_REPORT_MS, SUSAR_FATAL_MS, SUSAR_OTHER_MS, reportClock } from './clocks.js';
import { dueThreshold } from './due-notices.js';

const aware = '2026-11-20T09:15:00.000Z';
const at = (ms: number) => new Date(Date.parse(aware) + ms);

describe('when a running report clock tells people', () => {
  it('the initial report: coming due from 6 hours before its 24 hours, overdue one millisecond after', () => {
    const read = (ms: number) => dueThreshold(reportClock(aware, INITIAL_REPORT_MS, null, at(ms)), 'initial');
    expect(read(18 * HOUR_MS - 1)).toBeNull();
    expect(read(18 * HOUR_MS)).toBe('coming_due');
    expect(read(24 * HOUR_MS)).toBe('coming_due');
    expect(read(24 * HOUR_MS + 1)).toBe('overdue');
    expect(read(30 * DAY_MS)).toBe('overdue');
  });
  it('a SUSAR: coming due 2 days before its 7 or 15 days', () => {
    const fatal = (ms: number) => dueThreshold(reportClock(aware, SUSAR_FATAL_MS, null, at(ms)), 'susar');
    expect(fatal(5 * DAY_MS - 1)).toBeNull();
    expect(fatal(5 * DAY_MS)).toBe('coming_due');
    expect(fatal(7 * DAY_MS + 1)).toBe('overdue');
    const other = (ms: number) => dueThreshold(reportClock(aware, SUSAR_OTHER_MS, null, at(ms)), 'susar');
    expect(other(13 * DAY_MS - 1)).toBeNull();
    expect(other(13 * DAY_MS)).toBe('coming_due');
    expect(other(15 * DAY_MS)).toBe('coming_due');
    expect(other(15 * DAY_MS + 1)).toBe('overdue');
  });
  it('a report made stops the clock: no notice, on time or late', () => {
    const made = (reportedMs: number) =>
      dueThreshold(
        reportClock(aware, INITIAL_REPORT_MS, at(reportedMs).toISOString(), at(40 * HOUR_MS)),
        'initial',
      );
    expect(made(20 * HOUR_MS)).toBeNull();
    expect(made(30 * HOUR_MS)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { isComingDue, isSaeOverdue, reportClock, saeClocks } from './clocks.js';
import { instantOfLocal, isLocalDateTime, localDateTime } from './local-time.js';

const iso = (local: string) => instantOfLocal(local)!.toISOString();

describe('Europe/Amsterdam wall-clock times and UTC instants', () => {
  it('reads winter time as UTC+1 and summer time as UTC+2', () => {
    expect(iso('2026-01-15T09:30')).toBe('2026-01-15T08:30:00.000Z');
    expect(iso('2026-07-01T12:00')).toBe('2026-07-01T10:00:00.000Z');
    expect(localDateTime('2026-07-01T10:00:00.000Z')).toBe('2026-07-01T12:00');
    expect(localDateTime('2026-12-31T23:30:00.000Z')).toBe('2027-01-01T00:30');
  });
  it('refuses the hour skipped when summer time starts (last Sunday of March)', () => {
    expect(instantOfLocal('2026-03-29T02:30')).toBeNull();
    expect(iso('2026-03-29T01:59')).toBe('2026-03-29T00:59:00.000Z');
    expect(iso('2026-03-29T03:00')).toBe('2026-03-29T01:00:00.000Z');
  });
  it('takes the first of the hour repeated when summer time ends (the earlier instant)', () => {
    expect(iso('2026-10-25T02:30')).toBe('2026-10-25T00:30:00.000Z');
    expect(iso('2026-10-25T03:30')).toBe('2026-10-25T02:30:00.000Z');
  });
  it('refuses what is no calendar time', () => {
    for (const bad of [
      '2026-02-29T10:00',
      '2026-13-01T10:00',
      '2026-01-01T24:00',
      '2026-01-01T10:60',
      '2026-01-01 10:00',
      '2026-01-01',
    ])
      expect(isLocalDateTime(bad), bad).toBe(false);
    expect(isLocalDateTime('2028-02-29T23:59')).toBe(true);
  });
});

describe('the 24-hour initial report clock', () => {
  const aware = '2026-11-20T09:15:00.000Z';
  it('is on time at exactly 24 hours and late one millisecond after', () => {
    expect(reportClock(aware, 24 * 3_600_000, '2026-11-21T09:15:00.000Z', aware).state).toBe('on_time');
    expect(reportClock(aware, 24 * 3_600_000, '2026-11-21T09:15:00.001Z', aware).state).toBe('late');
  });
  it('is due until the due instant and overdue after it, with the time left', () => {
    const at = (now: string) => reportClock(aware, 24 * 3_600_000, null, now);
    expect(at('2026-11-21T09:15:00.000Z')).toMatchObject({ state: 'due', remainingMs: 0 });
    expect(at('2026-11-21T09:15:00.001Z')).toMatchObject({ state: 'overdue', remainingMs: -1 });
    expect(at('2026-11-20T21:15:00.000Z').remainingMs).toBe(12 * 3_600_000);
    expect(at('2026-11-20T21:15:00.000Z').dueAt).toBe('2026-11-21T09:15:00.000Z');
  });
  it('counts 24 real hours across the night summer time ends (25 hours on the wall clock)', () => {
    const start = iso('2026-10-24T12:00');
    const c = reportClock(start, 24 * 3_600_000, null, start);
    expect(localDateTime(c.dueAt)).toBe('2026-10-25T11:00');
  });
});

describe('SUSAR clocks', () => {
  const base = {
    awareAt: '2026-03-25T10:00:00.000Z',
    initialReportedAt: '2026-03-25T12:00:00.000Z',
    susarReportedAt: null,
  };
  it('gives a fatal or life-threatening SUSAR 7 days, exactly, across the start of summer time', () => {
    for (const criterion of ['death', 'life_threatening'] as const) {
      const c = saeClocks({ ...base, susar: true, criteria: [criterion, 'hospitalisation'] }, base.awareAt);
      expect(c.susar?.dueAt).toBe('2026-04-01T10:00:00.000Z');
      // 11:00 in Amsterdam when it started, 12:00 when due: the wall clock moved, the 168 hours did not.
      expect(localDateTime(c.susar!.dueAt)).toBe('2026-04-01T12:00');
    }
  });
  it('gives any other SUSAR 15 days and an SAE that is no SUSAR no second clock', () => {
    const other = saeClocks({ ...base, susar: true, criteria: ['hospitalisation'] }, base.awareAt);
    expect(other.susar?.dueAt).toBe('2026-04-09T10:00:00.000Z');
    expect(saeClocks({ ...base, susar: false, criteria: ['death'] }, base.awareAt).susar).toBeNull();
  });
  it('is overdue one millisecond after 15 days and on time when reported at the instant', () => {
    const sae = { ...base, susar: true, criteria: ['disability'] as const };
    expect(isSaeOverdue(saeClocks({ ...sae, criteria: [...sae.criteria] }, '2026-04-09T10:00:00.000Z'))).toBe(
      false,
    );
    expect(isSaeOverdue(saeClocks({ ...sae, criteria: [...sae.criteria] }, '2026-04-09T10:00:00.001Z'))).toBe(
      true,
    );
    const reported = saeClocks(
      { ...sae, criteria: [...sae.criteria], susarReportedAt: '2026-04-09T10:00:00.000Z' },
      '2026-05-01T00:00:00.000Z',
    );
    expect(reported.susar?.state).toBe('on_time');
    expect(isSaeOverdue(reported)).toBe(false);
  });
  it('says a running clock is coming due within a window, and a made report never is', () => {
    const running = reportClock(base.awareAt, 24 * 3_600_000, null, '2026-03-26T06:00:00.000Z');
    expect(isComingDue(running, 4 * 3_600_000)).toBe(true);
    expect(isComingDue(running, 3 * 3_600_000)).toBe(false);
    expect(isComingDue(reportClock(base.awareAt, 1, base.awareAt, base.awareAt), 1e12)).toBe(false);
  });
});

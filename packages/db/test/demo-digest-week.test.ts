// The demo always holds a digest of overdue visits: before the week's digest is due (Monday 07:00 in
// Amsterdam) it holds last week's. A demo started early on a Monday held none, and the notifications journey
// and the demo-notifications test failed from Sunday 23:00 to Monday 06:00 UTC.
import { describe, expect, it } from 'vitest';
import { demoDigestWeek } from '../src/demo/seed-demo-notifications.js';

describe('demoDigestWeek', () => {
  it('is last week before Monday 07:00 in Amsterdam (CET, UTC+1 in November)', () => {
    expect(demoDigestWeek('2026-11-29T23:58:00.000Z')).toBe('2026-11-23'); // Monday 00:58 in Amsterdam
    expect(demoDigestWeek('2026-11-30T05:59:59.999Z')).toBe('2026-11-23'); // Monday 06:59:59.999
  });

  it('is this week from Monday 07:00 in Amsterdam to Sunday night', () => {
    expect(demoDigestWeek('2026-11-30T06:00:00.000Z')).toBe('2026-11-30');
    expect(demoDigestWeek('2026-12-06T22:59:59.999Z')).toBe('2026-11-30'); // Sunday 23:59:59.999
  });

  it('follows summer time (CEST, UTC+2)', () => {
    expect(demoDigestWeek('2026-06-08T04:59:59.999Z')).toBe('2026-06-01');
    expect(demoDigestWeek('2026-06-08T05:00:00.000Z')).toBe('2026-06-08');
  });
});

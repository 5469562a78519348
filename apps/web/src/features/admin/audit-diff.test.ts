import { describe, expect, it } from 'vitest';
import { diffRows } from './audit-diff';

describe('diffRows', () => {
  it('compares objects field by field, sorted, marking what changed', () => {
    expect(
      diffRows(
        { role: 'coordinator', centre: 'EMC', active: true },
        { role: 'monitor', centre: null, active: true },
      ),
    ).toEqual([
      { field: 'active', before: 'true', after: 'true', changed: false },
      { field: 'centre', before: 'EMC', after: null, changed: true },
      { field: 'role', before: 'coordinator', after: 'monitor', changed: true },
    ]);
  });

  it('shows a creation as new values only', () => {
    expect(diffRows(null, { username: 'x', centre: null })).toEqual([
      { field: 'centre', before: null, after: null, changed: false },
      { field: 'username', before: null, after: 'x', changed: true },
    ]);
  });

  it('shows nested values as JSON and non-objects as one value', () => {
    expect(diffRows({ filters: { to: '2026-11-26' } }, null)).toEqual([
      { field: 'filters', before: '{"to":"2026-11-26"}', after: null, changed: true },
    ]);
    expect(diffRows(5, 4.5)).toEqual([{ field: null, before: '5', after: '4.5', changed: true }]);
    expect(diffRows(null, null)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { applyFilters, noFilters } from './query-filters';
import type { QueryView } from './query-words';

const q = (id: number, over: Partial<QueryView>): QueryView => ({
  id,
  studyId: 'PUMP3-EMC-001',
  centre: 'EMC',
  recordType: null,
  recordId: null,
  field: null,
  recordLabel: null,
  origin: 'manual',
  rule: null,
  status: 'open',
  openedAt: '2026-11-01T10:00:00.000Z',
  openedByName: 'M',
  openedRole: 'monitor',
  firstAnsweredAt: null,
  closedAt: null,
  updatedAt: '2026-11-01T10:00:00.000Z',
  ageDays: 3,
  waitingFor: 'site',
  text: 'x',
  steps: [],
  ...over,
});

const list = [
  q(1, {}),
  q(2, { ageDays: 10, openedRole: 'pi' }),
  q(3, { ageDays: 40, origin: 'auto', rule: 'visit_overdue', openedRole: null }),
];

describe('query list filters', () => {
  it('keeps everything without filters', () => {
    expect(applyFilters(list, noFilters).map((x) => x.id)).toEqual([1, 2, 3]);
  });
  it('filters by age, opener and type', () => {
    expect(applyFilters(list, { ...noFilters, age: 'over7' }).map((x) => x.id)).toEqual([2, 3]);
    expect(applyFilters(list, { ...noFilters, age: 'over30' }).map((x) => x.id)).toEqual([3]);
    expect(applyFilters(list, { ...noFilters, opener: 'pi' }).map((x) => x.id)).toEqual([2]);
    expect(applyFilters(list, { ...noFilters, opener: 'system' }).map((x) => x.id)).toEqual([3]);
    expect(applyFilters(list, { ...noFilters, type: 'manual' }).map((x) => x.id)).toEqual([1, 2]);
    expect(applyFilters(list, { ...noFilters, type: 'visit_overdue' }).map((x) => x.id)).toEqual([3]);
  });
});

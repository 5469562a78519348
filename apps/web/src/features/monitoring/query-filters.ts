// The query list's filters that the page applies itself (age, opener, type); status and centre go to the
// server, which scopes them. Pure, so the choices are testable without a browser.
import type { QueryView } from './query-words';

export interface ListFilters {
  age: 'any' | 'over7' | 'over30';
  /** A role name, 'system' for the rules, or 'any'. */
  opener: string;
  /** 'manual', a rule name, or 'any'. */
  type: string;
}

export const noFilters: ListFilters = { age: 'any', opener: 'any', type: 'any' };

export function applyFilters(list: readonly QueryView[], f: ListFilters): QueryView[] {
  return list.filter((q) => {
    if (f.age === 'over7' && q.ageDays <= 7) return false;
    if (f.age === 'over30' && q.ageDays <= 30) return false;
    if (f.opener === 'system' && q.origin !== 'auto') return false;
    if (f.opener !== 'any' && f.opener !== 'system' && q.openedRole !== f.opener) return false;
    if (f.type === 'manual' && q.origin !== 'manual') return false;
    if (f.type !== 'any' && f.type !== 'manual' && q.rule !== f.type) return false;
    return true;
  });
}

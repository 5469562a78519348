// The overview's per-centre tables a page at a time (issue 17): at 200 centres the full answer is about
// 100 KB, most of it three tables of 200 rows that the page shows 25 at a time. The whole overview stays
// cached; each request slices its page from it, so paging costs no recomputation.
import { z } from 'zod';
import type { Overview } from './build-overview.js';

export const centrePageInput = z.strictObject({
  /** Zero-based, as the web's pager counts. */
  page: z.number().int().min(0).max(10_000),
  pageSize: z.number().int().min(1).max(200),
});
export type CentrePageInput = z.infer<typeof centrePageInput>;

export type PagedOverview = Overview & {
  /** Which centres the per-centre tables hold: all of them (one page) unless a page was asked for. */
  centrePage: { page: number; pageSize: number; total: number };
};

/**
 * The overview with its per-centre tables (centres, follow-up phases and assessment states by centre, all
 * in the definition's centre order) cut to one page. Totals, accrual and milestones are the whole trial's.
 */
export function overviewCentrePage(overview: Overview, page?: CentrePageInput): PagedOverview {
  const total = overview.centres.length;
  if (!page) return { ...overview, centrePage: { page: 0, pageSize: Math.max(1, total), total } };
  const from = page.page * page.pageSize;
  const slice = <T>(rows: readonly T[]) => rows.slice(from, from + page.pageSize);
  return {
    ...overview,
    centres: slice(overview.centres),
    followUp: { ...overview.followUp, byCentre: slice(overview.followUp.byCentre) },
    assessments: { ...overview.assessments, byCentre: slice(overview.assessments.byCentre) },
    centrePage: { page: page.page, pageSize: page.pageSize, total },
  };
}

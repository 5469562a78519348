// The overview asks for its per-centre tables a page at a time (issue 17: 200 centres were most of a
// 100 KB answer). One input for the page and for the prefetch in live-updates.tsx, so they share a query.
import { useState } from 'react';

/** The pager's smallest page size: a network with more centres than this gets pagers. */
export const CENTRE_PAGE_SIZE = 25;

export interface CentrePage {
  page: number;
  pageSize: number;
}

export function overviewInput(
  trialId: string,
  centrePage: CentrePage = { page: 0, pageSize: CENTRE_PAGE_SIZE },
) {
  return { trialId, centrePage };
}

/** The page of centres shown, and the pager's props (shared by the centre and follow-up tables). */
export function useCentrePage() {
  const [centrePage, setCentrePage] = useState<CentrePage>({ page: 0, pageSize: CENTRE_PAGE_SIZE });
  return {
    centrePage,
    onPage: (page: number) => setCentrePage((p) => ({ ...p, page })),
    onPageSize: (pageSize: number) => setCentrePage({ page: 0, pageSize }),
  };
}

export type CentrePaging = Omit<ReturnType<typeof useCentrePage>, 'centrePage'> &
  CentrePage & { total: number };

// The pager of the overview's per-centre tables, shown only for a network with more centres than the
// smallest page (a few centres fit on one page and need no paging).
import { Pager } from '../../components/pager';
import { useT } from '../../i18n/i18n-context';
import { CENTRE_PAGE_SIZE, type CentrePaging } from './centre-page';
import { messages } from './messages';

export function CentrePager({ paging, label }: { paging: CentrePaging; label: string }) {
  const t = useT(messages);
  if (paging.total <= CENTRE_PAGE_SIZE) return null;
  return (
    <Pager
      page={paging.page}
      pageSize={paging.pageSize}
      total={paging.total}
      onPage={paging.onPage}
      onPageSize={paging.onPageSize}
      pageSizeLabel={t('centresPerPage')}
      label={label}
    />
  );
}

// Paging for server-paged tables: "1–50 of 132", page buttons and rows per page, in a labelled <nav>.
import { Group, NativeSelect, Pagination, Text } from '@mantine/core';
import { common } from '../i18n/common-messages';
import { useFormat, useT } from '../i18n/i18n-context';

const PAGE_SIZES = [25, 50, 100, 200] as const;

export function Pager({
  page,
  pageSize,
  total,
  onPage,
  onPageSize,
  pageSizeLabel,
  label,
}: {
  /** Zero-based, as the API takes it. */
  page: number;
  pageSize: number;
  total: number;
  onPage: (page: number) => void;
  onPageSize: (size: number) => void;
  pageSizeLabel: string;
  /** The navigation's name, when a page has more than one pager (each landmark needs its own name). */
  label?: string;
}) {
  const t = useT(common);
  const f = useFormat();
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const from = total === 0 ? 0 : page * pageSize + 1;
  const to = Math.min(total, (page + 1) * pageSize);
  return (
    <Group component="nav" aria-label={label ?? t('pagination')} justify="space-between" wrap="wrap" gap="sm">
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('rowsShown', { from: f.number(from), to: f.number(to), total: f.number(total) })}
      </Text>
      <Group gap="md" wrap="wrap">
        <NativeSelect
          size="xs"
          label={pageSizeLabel}
          value={String(pageSize)}
          onChange={(e) => onPageSize(Number(e.currentTarget.value))}
          data={PAGE_SIZES.map((n) => String(n))}
          styles={{
            root: { display: 'flex', alignItems: 'center', gap: 8 },
            label: { whiteSpace: 'nowrap' },
          }}
        />
        {pages > 1 ? (
          <Pagination
            size="sm"
            total={pages}
            value={page + 1}
            onChange={(p) => onPage(p - 1)}
            getControlProps={(control) => ({ 'aria-label': control })}
            getItemProps={(p) => ({ 'aria-label': t('page', { page: p, pages }) })}
          />
        ) : null}
      </Group>
    </Group>
  );
}

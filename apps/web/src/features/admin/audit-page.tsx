// The audit trail (administrators and the PI): the chain's verification, filters kept in the URL, the
// entries newest first with older pages on request (keyset pagination), and a CSV download of the
// filtered trail, which the server records as an export.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useLang, useT } from '../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { AuditFilters, type AuditFilterValues } from './audit-filters';
import { AuditTable } from './audit-table';
import { ChainStatus } from './chain-status';
import { isAuditAction } from './action-messages';
import { messages } from './messages';

const FILTER_KEYS = ['participant', 'username', 'action', 'from', 'to'] as const;

/** The filters as the API takes them: empty fields left out. */
function toInput(values: AuditFilterValues) {
  return {
    participant: values.participant || undefined,
    username: values.username || undefined,
    action: isAuditAction(values.action) ? values.action : undefined,
    from: values.from || undefined,
    to: values.to || undefined,
  };
}

function saveCsv(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export default function AuditPage() {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [params, setParams] = useSearchParams();
  const applied: AuditFilterValues = {
    participant: params.get('participant') ?? '',
    username: params.get('username') ?? '',
    action: params.get('action') ?? '',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
  };
  const input = toInput(applied);

  const list = useInfiniteQuery(
    trpc.audit.list.infiniteQueryOptions(
      { ...input, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const exportCsv = useMutation(
    trpc.audit.exportCsv.mutationOptions({
      onSuccess: (file) => {
        saveCsv(file.filename, file.csv);
        // The export is itself an audit entry: show it.
        void qc.invalidateQueries(trpc.audit.pathFilter());
      },
    }),
  );
  const apply = (values: AuditFilterValues) =>
    setParams(() => {
      const next = new URLSearchParams();
      for (const k of FILTER_KEYS) if (values[k]) next.set(k, values[k]);
      return next;
    });
  const fieldErrors = apiErrorData(list.error)?.fields ?? {};
  const entries = list.data?.pages.flatMap((p) => p.rows) ?? [];

  return (
    <>
      <PageHeader
        title={t('auditTitle')}
        subtitle={t('auditSubtitle')}
        actions={
          <Button variant="light" loading={exportCsv.isPending} onClick={() => exportCsv.mutate(input)}>
            {t('downloadCsv')}
          </Button>
        }
      />
      <Stack gap="md">
        <ChainStatus />
        {exportCsv.data ? (
          <Alert color="teal" variant="light" role="status">
            {t('exported', { rows: exportCsv.data.rows, filename: exportCsv.data.filename })}
          </Alert>
        ) : exportCsv.isError ? (
          <Alert color="red" variant="light" role="alert">
            {describeError(exportCsv.error, lang)}
          </Alert>
        ) : null}
        <Section title={t('filters')}>
          <AuditFilters key={params.toString()} applied={applied} onApply={apply} fieldErrors={fieldErrors} />
        </Section>
        {list.isPending ? (
          <PageLoader />
        ) : list.isError && Object.keys(fieldErrors).length === 0 ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isError ? null : entries.length === 0 ? (
          <Text>{t('noEntries')}</Text>
        ) : (
          <Stack gap="sm">
            <AuditTable entries={entries} />
            {list.hasNextPage ? (
              <Group>
                <Button
                  variant="default"
                  loading={list.isFetchingNextPage}
                  onClick={() => void list.fetchNextPage()}
                >
                  {t('loadMore')}
                </Button>
              </Group>
            ) : null}
          </Stack>
        )}
      </Stack>
    </>
  );
}

// Participants of a trial: search by study ID, filter by centre and follow-up status, paged by the server.
// Filters live in the URL so that a filtered list can be linked and survives a reload.
import { Anchor, Group, NativeSelect, Paper, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { isCentreBound } from '@trialdesk/domain';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { useTrialCentres } from '../../app/use-centre-names';
import { CentreFilter } from '../../components/centre-filter';
import { clinical } from '../../components/clinical/messages';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { ScrollTable } from '../../components/scroll-table';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { keepPreviousOfTrial } from '../../lib/keep-previous';
import { FollowUpBadge } from './follow-up-badge';
import { messages } from './messages';

const statuses = ['in_follow_up', 'completed', 'off_study'] as const;
type Status = (typeof statuses)[number];
const isStatus = (v: string | null): v is Status => statuses.some((s) => s === v);

export default function ParticipantsPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const user = useSession();
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const locked = isCentreBound(user.role) ? user.centre : null;
  const centre = locked ?? params.get('centre') ?? null;
  const rawStatus = params.get('status');
  const status = isStatus(rawStatus) ? rawStatus : undefined;
  const page = Math.max(0, Number(params.get('page') ?? 0) || 0);
  const pageSize = Number(params.get('size') ?? 50) || 50;
  const [search, setSearch] = useState(params.get('q') ?? '');
  const [debounced] = useDebouncedValue(search.trim().toUpperCase(), 300);

  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === null || v === '') next.delete(k);
        else next.set(k, v);
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });

  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const list = useQuery(
    trpc.participants.list.queryOptions(
      { trialId, centre, search: debounced || undefined, status, page, pageSize },
      { placeholderData: keepPreviousOfTrial(trialId) },
    ),
  );
  const { centres, centreName } = useTrialCentres(trialId);

  return (
    <>
      <PageHeader
        title={t('title')}
        subtitle={trial.data ? t('subtitle', { code: trial.data.definition.code }) : null}
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md" shadow="xs">
          <Group align="flex-end" gap="md" wrap="wrap" role="search">
            <TextInput
              label={t('search')}
              placeholder={t('searchPlaceholder')}
              value={search}
              onChange={(e) => {
                setSearch(e.currentTarget.value);
                update({ q: e.currentTarget.value.trim() || null });
              }}
              w={260}
              maxLength={40}
              type="search"
            />
            <CentreFilter
              centres={centres}
              value={centre}
              locked={locked}
              lockedHint={t('ownCentre')}
              onChange={(next) => update({ centre: next })}
            />
            <NativeSelect
              label={t('status')}
              value={status ?? ''}
              onChange={(e) => update({ status: e.currentTarget.value || null })}
              data={[
                { value: '', label: t('statusAll') },
                ...statuses.map((s) => ({ value: s, label: t(`status_${s}`) })),
              ]}
              w={220}
            />
          </Group>
        </Paper>

        {list.isPending ? (
          <PageLoader />
        ) : list.isError ? (
          <PageError error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <Paper withBorder radius="md" p="md" shadow="xs">
            <Stack gap="sm">
              {list.data.rows.length === 0 ? (
                <Text>{t('noResults')}</Text>
              ) : (
                <ScrollTable>
                  <Table striped highlightOnHover className="tabular stacked" verticalSpacing="xs">
                    <Table.Caption>
                      {t('caption', {
                        from: page * pageSize + 1,
                        to: page * pageSize + list.data.rows.length,
                        total: list.data.total,
                      })}
                    </Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th scope="col">{t('colStudyId')}</Table.Th>
                        <Table.Th scope="col">{t('colCentre')}</Table.Th>
                        <Table.Th scope="col">{t('colInclusion')}</Table.Th>
                        <Table.Th scope="col">{t('colSurgery')}</Table.Th>
                        <Table.Th scope="col">{t('colFollowUp')}</Table.Th>
                        <Table.Th scope="col">{t('colFollowUpEnd')}</Table.Th>
                        <Table.Th scope="col">{t('colAgeSex')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {list.data.rows.map((p) => (
                        <Table.Tr key={p.studyId}>
                          <Table.Th scope="row">
                            <Anchor
                              component={Link}
                              to={trialPath(trialId, `participants/${p.studyId}`)}
                              fw={600}
                              size="sm"
                            >
                              {p.studyId}
                            </Anchor>
                          </Table.Th>
                          <Table.Td data-label={t('colCentre')}>{centreName(p.centre)}</Table.Td>
                          <Table.Td data-label={t('colInclusion')}>{f.date(p.inclusionDate)}</Table.Td>
                          <Table.Td data-label={t('colSurgery')}>{f.date(p.surgeryDate)}</Table.Td>
                          <Table.Td data-label={t('colFollowUp')}>
                            <FollowUpBadge followUp={p.followUp} offStudy={p.offStudy} />
                          </Table.Td>
                          <Table.Td data-label={t('colFollowUpEnd')}>{f.date(p.followUpEnd)}</Table.Td>
                          <Table.Td data-label={t('colAgeSex')}>
                            {t('ageYears', { age: p.ageAtInclusion })}, {tk(`sex_${p.sex}`).toLowerCase()}
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </ScrollTable>
              )}
              <Pager
                page={page}
                pageSize={pageSize}
                total={list.data.total}
                onPage={(p) => update({ page: String(p) })}
                onPageSize={(size) => update({ size: String(size) })}
                pageSizeLabel={t('pageSize')}
              />
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}

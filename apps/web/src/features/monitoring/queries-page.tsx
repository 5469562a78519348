// The query list per centre: monitors, the PI and the data manager see every centre, a coordinator their
// own. Filters by status and centre (the server's), age, opener and type; each row opens its conversation.
import { Anchor, Badge, Group, Select, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { autoQueryRules, queryStatuses, type QueryStatus } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { ExpandableTable } from '../../components/expandable-table';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { common } from '../../i18n/common-messages';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { QuerySummary } from './query-summary';
import { applyFilters, noFilters, type ListFilters } from './query-filters';
import { QueryThread } from './query-thread';
import { aboutQuery, statusColour } from './query-words';

export default function QueriesPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const { lang } = useLang();
  const user = useSession();
  const [status, setStatus] = useState<QueryStatus | null>('open');
  const [centre, setCentre] = useState<string | null>(null);
  const [filters, setFilters] = useState<ListFilters>(noFilters);
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const list = useQuery(
    trpc.queries.list.queryOptions({
      trialId,
      ...(status ? { status } : {}),
      ...(centre ? { centre } : {}),
    }),
  );
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = applyFilters(list.data.queries, filters);
  const centres = trial.data?.definition.centres ?? [];
  const set = (key: keyof ListFilters) => (v: string | null) => setFilters({ ...filters, [key]: v ?? 'any' });
  return (
    <>
      <PageHeader
        title={t('queriesTitle')}
        subtitle={t('queriesSubtitle', { code: trial.data?.definition.code ?? trialId })}
      />
      <Stack gap="lg">
        <QuerySummary trialId={trialId} />
        <Group gap="sm" wrap="wrap" align="flex-end">
          <Select
            label={t('filterStatus')}
            data={queryStatuses.map((s) => ({ value: s, label: t(`status_${s}`) }))}
            value={status}
            onChange={(v) => setStatus(v)}
            placeholder={t('any')}
            clearable
            w={160}
          />
          {user.centre === null ? (
            <Select
              label={t('filterCentre')}
              data={centres.map((c) => ({ value: c.code, label: c.name }))}
              value={centre}
              onChange={setCentre}
              placeholder={t('allCentres')}
              clearable
              w={220}
            />
          ) : null}
          <Select
            label={t('filterAge')}
            data={[
              { value: 'any', label: t('any') },
              { value: 'over7', label: t('ageOver7') },
              { value: 'over30', label: t('ageOver30') },
            ]}
            value={filters.age}
            onChange={(v) => setFilters({ ...filters, age: v ?? 'any' })}
            allowDeselect={false}
            w={190}
          />
          <Select
            label={t('filterOpener')}
            data={[
              { value: 'any', label: t('any') },
              { value: 'monitor', label: tc('roleMonitor') },
              { value: 'pi', label: tc('rolePi') },
              { value: 'admin', label: tc('roleAdmin') },
              { value: 'system', label: t('openerSystem') },
            ]}
            value={filters.opener}
            onChange={set('opener')}
            allowDeselect={false}
            w={200}
          />
          <Select
            label={t('filterType')}
            data={[
              { value: 'any', label: t('any') },
              { value: 'manual', label: t('typeManual') },
              ...autoQueryRules.map((r) => ({ value: r, label: t(`rule_${r}`) })),
            ]}
            value={filters.type}
            onChange={set('type')}
            allowDeselect={false}
            w={230}
          />
        </Group>
        <Text size="sm" c="dimmed" role="status">
          {t('queryCount', { count: rows.length })}
        </Text>
        <ExpandableTable
          // A new status or centre starts with every conversation closed.
          key={`${status ?? ''}:${centre ?? ''}`}
          rows={rows}
          rowKey={(q) => q.id}
          opener={{
            header: t('colQuery'),
            text: (q) => `#${q.id}`,
            label: (q) => t('showThread', { id: String(q.id) }),
          }}
          columns={[
            {
              header: t('colParticipant'),
              cell: (q) => (
                <Anchor component={Link} to={trialPath(trialId, `participants/${q.studyId}`)} size="sm">
                  {q.studyId}
                </Anchor>
              ),
            },
            { header: t('colAbout'), cell: (q) => aboutQuery(q, t, lang), wrap: true },
            {
              header: t('colStatus'),
              cell: (q) => (
                <Badge color={statusColour[q.status]} variant="light">
                  {t(`status_${q.status}`)}
                </Badge>
              ),
            },
            { header: t('colAge'), cell: (q) => t('ageDays', { days: q.ageDays }) },
            { header: t('colOpener'), cell: (q) => (q.origin === 'auto' ? t('system') : q.openedByName) },
            { header: t('colWaiting'), cell: (q) => (q.waitingFor ? t(`waiting_${q.waitingFor}`) : '–') },
          ]}
          detail={(q) => (
            <>
              <QueryThread query={q} showParticipant />
              <Text size="xs" c="dimmed" mt="xs">
                {f.timestamp(q.openedAt)}
              </Text>
            </>
          )}
        />
        {rows.length === 0 ? <Text size="sm">{t('noQueries')}</Text> : null}
      </Stack>
    </>
  );
}

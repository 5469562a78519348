// A coordinator's home: per trial, the assessments and pump visits of their centre that are due this
// month or overdue (overdue ones with their days overdue, most overdue first, as the server sorts them),
// and the records still to enter after an inclusion (surgery with pump placement), each linked to the participant's data-entry page (for a role that only reads, such as
// the monitor, to the participant's page: the data-entry page is not open to it).
import { Anchor, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { rolesWith } from '../../app/nav';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';
import { QueriesWaiting } from '../monitoring/queries-waiting';
import { WorklistSaeReports } from '../safety-reporting/worklist-sae-reports';

type TrialWork = RouterOutputs['entry']['worklist']['get']['trials'][number];

export default function WorklistPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const user = useSession();
  const t = useT(messages);
  const f = useFormat();
  const work = useQuery(trpc.entry.worklist.get.queryOptions({}));
  if (work.isPending) return <PageLoader />;
  if (work.isError) return <PageError error={work.error} onRetry={() => void work.refetch()} />;
  // The trial being looked at first, then the others.
  const trials = [...work.data.trials].sort(
    (a, b) => Number(b.trialId === trialId) - Number(a.trialId === trialId),
  );
  return (
    <>
      <PageHeader
        title={t('worklistTitle')}
        subtitle={t('worklistSubtitle', {
          centre: user.centre ?? t('worklistAllCentres'),
          date: f.date(work.data.asOf),
        })}
      />
      <Stack gap="xl">
        {can(user.role, 'query:answer') ? <QueriesWaiting trialId={trialId} /> : null}
        {trials.map((trial) => (
          <TrialWorklist key={trial.trialId} trial={trial} />
        ))}
      </Stack>
    </>
  );
}

function TrialWorklist({ trial }: { trial: TrialWork }) {
  const t = useT(messages);
  return (
    <Stack gap="md" component="section" aria-label={trial.code}>
      <Group gap="sm">
        <Title order={2} size="h3">
          {trial.code}
        </Title>
        {trial.synthetic ? (
          <Badge color="grape" variant="light">
            {t('synthetic')}
          </Badge>
        ) : null}
      </Group>
      <WorklistSaeReports trialId={trial.trialId} rows={trial.saeReports} />
      <RecordsTable trialId={trial.trialId} rows={trial.records} />
      <AssessmentTable
        trialId={trial.trialId}
        title={t('assessmentsOverdue')}
        rows={trial.assessments.overdue}
        overdue
      />
      <AssessmentTable
        trialId={trial.trialId}
        title={t('assessmentsDue')}
        rows={trial.assessments.dueThisMonth}
      />
      <CycleTable trialId={trial.trialId} title={t('cyclesOverdue')} rows={trial.cycles.overdue} overdue />
      <CycleTable trialId={trial.trialId} title={t('cyclesDue')} rows={trial.cycles.dueThisMonth} />
    </Stack>
  );
}

const RECORD_ROLES = rolesWith('clinical:correct');

function RecordLink({ trialId, studyId }: { trialId: string; studyId: string }) {
  const t = useT(messages);
  const records = RECORD_ROLES.includes(useSession().role);
  return (
    <Anchor
      component={Link}
      to={trialPath(trialId, `participants/${studyId}${records ? '/record' : ''}`)}
      aria-label={t(records ? 'openRecord' : 'participantPageOf', { studyId })}
      ff="monospace"
    >
      {studyId}
    </Anchor>
  );
}

interface Column<R> {
  header: string;
  cell: (row: R) => ReactNode;
}

/** One worklist table: a row per item, the study ID first (linked to its data-entry page). */
function WorkTable<R extends { studyId: string }>({
  trialId,
  title,
  rows,
  rowKey,
  columns,
}: {
  trialId: string;
  title: string;
  rows: readonly R[];
  rowKey: (row: R) => string;
  columns: Column<R>[];
}) {
  const t = useT(messages);
  return (
    <Section title={`${title} (${rows.length})`}>
      {rows.length === 0 ? (
        <Text size="sm">{t('nothing')}</Text>
      ) : (
        <ScrollTable maxHeight={420}>
          <Table striped className="tabular" verticalSpacing="xs">
            <Table.Caption>{title}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('studyId')}</Table.Th>
                {columns.map((c) => (
                  <Table.Th key={c.header} scope="col">
                    {c.header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r) => (
                <Table.Tr key={rowKey(r)}>
                  <Table.Th scope="row">
                    <RecordLink trialId={trialId} studyId={r.studyId} />
                  </Table.Th>
                  {columns.map((c) => (
                    <Table.Td key={c.header}>{c.cell(r)}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollTable>
      )}
    </Section>
  );
}

/** The days-overdue column, shown in the overdue tables. */
function useOverdueColumn(): Column<{ daysOverdue: number }> {
  const t = useT(messages);
  return { header: t('colOverdue'), cell: (r) => t('daysOverdue', { n: r.daysOverdue }) };
}

function AssessmentTable({
  trialId,
  title,
  rows,
  overdue = false,
}: {
  trialId: string;
  title: string;
  rows: TrialWork['assessments']['overdue'];
  overdue?: boolean;
}) {
  const t = useT(messages);
  const f = useFormat();
  const overdueColumn = useOverdueColumn();
  return (
    <WorkTable
      trialId={trialId}
      title={title}
      rows={rows}
      rowKey={(r) => `${r.studyId}-${r.month}`}
      columns={[
        { header: t('colMonth'), cell: (r) => t('monthN', { month: r.month }) },
        { header: t('colDue'), cell: (r) => f.date(r.dueDate) },
        {
          header: t('colWindow'),
          cell: (r) => t('windowRange', { from: f.date(r.windowStart), to: f.date(r.windowEnd) }),
        },
        ...(overdue ? [overdueColumn] : []),
      ]}
    />
  );
}

function CycleTable({
  trialId,
  title,
  rows,
  overdue = false,
}: {
  trialId: string;
  title: string;
  rows: TrialWork['cycles']['overdue'];
  overdue?: boolean;
}) {
  const t = useT(messages);
  const f = useFormat();
  const overdueColumn = useOverdueColumn();
  return (
    <WorkTable
      trialId={trialId}
      title={title}
      rows={rows}
      rowKey={(r) => `${r.studyId}-${r.cycle}`}
      columns={[
        { header: t('colCycle'), cell: (r) => r.cycle },
        { header: t('colPlanned'), cell: (r) => f.date(r.plannedDate) },
        { header: t('colDueBy'), cell: (r) => f.date(r.dueBy) },
        ...(overdue ? [overdueColumn] : []),
      ]}
    />
  );
}

function RecordsTable({ trialId, rows }: { trialId: string; rows: TrialWork['records'] }) {
  const t = useT(messages);
  const f = useFormat();
  const overdueColumn = useOverdueColumn();
  return (
    <WorkTable
      trialId={trialId}
      title={t('recordsMissing')}
      rows={rows}
      rowKey={(r) => `${r.studyId}-${r.record}`}
      columns={[
        { header: t('colRecord'), cell: () => t('worklistSurgery') },
        { header: t('colSince'), cell: (r) => f.date(r.since) },
        { header: t('colDueBy'), cell: (r) => f.date(r.dueBy) },
        overdueColumn,
      ]}
    />
  );
}

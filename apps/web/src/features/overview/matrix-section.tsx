// The follow-up milestone matrix: participants × scheduled assessment months, one server page at a time.
// Coordinators see their own centre only (the server enforces it; the filter starts there and is locked).
import { Anchor, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { isCentreBound } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath } from '../../app/trial';
import { AssumptionMark } from '../../components/assumption-badge';
import { CentreFilter } from '../../components/centre-filter';
import { clinical } from '../../components/clinical/messages';
import { StateLegend, StateSymbol } from '../../components/clinical/state-legend';
import { matrixStates, stateStyles } from '../../components/clinical/states';
import { QueryView } from '../../components/page-state';
import { Pager } from '../../components/pager';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { keepPreviousOfTrial } from '../../lib/keep-previous';
import { messages } from './messages';
import classes from './matrix.module.css';
import type { Overview } from './types';

export function MatrixSection({
  trialId,
  overview,
  centres,
}: {
  trialId: string;
  overview: Overview;
  /** Every centre of the trial (the overview's own tables hold one page of them). */
  centres: readonly { code: string; name: string }[];
}) {
  const t = useT(messages);
  const user = useSession();
  const locked = isCentreBound(user.role) ? user.centre : null;
  const [centre, setCentre] = useState<string | null>(locked);
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(50);
  const trpc = useTRPC();
  const matrix = useQuery(
    trpc.followUp.matrix.queryOptions(
      { trialId, centre: locked ?? centre, page, pageSize },
      { placeholderData: keepPreviousOfTrial(trialId) },
    ),
  );
  return (
    <Section
      title={t('matrixTitle')}
      description={
        <>
          {t('matrixDescription')}{' '}
          <AssumptionMark assumptions={overview.trial.assumptions} setting="schedule" />
        </>
      }
    >
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="md">
        <CentreFilter
          centres={centres}
          value={centre}
          locked={locked}
          lockedHint={t('matrixOwnCentre')}
          onChange={(next) => {
            setCentre(next);
            setPage(0);
          }}
        />
      </Group>
      <StateLegend states={matrixStates} />
      <QueryView query={matrix}>
        {(data) => (
          <Stack gap="sm">
            <MatrixTable trialId={trialId} data={data} page={page} pageSize={pageSize} />
            <Pager
              page={page}
              pageSize={pageSize}
              total={data.total}
              onPage={setPage}
              onPageSize={(size) => {
                setPageSize(size);
                setPage(0);
              }}
              pageSizeLabel={t('pageSize')}
            />
          </Stack>
        )}
      </QueryView>
    </Section>
  );
}

type MatrixData = RouterOutputs['followUp']['matrix'];

function MatrixTable({
  trialId,
  data,
  page,
  pageSize,
}: {
  trialId: string;
  data: MatrixData;
  page: number;
  pageSize: number;
}) {
  const t = useT(messages);
  const tk = useT(clinical);
  const f = useFormat();
  if (data.rows.length === 0) return <Text size="sm">{t('noRows')}</Text>;
  const from = page * pageSize + 1;
  return (
    <ScrollTable>
      <Table
        className={classes.matrix}
        stickyHeader
        withColumnBorders
        verticalSpacing={4}
        horizontalSpacing={4}
      >
        <Table.Caption>
          {t('matrixCaption', { from, to: from + data.rows.length - 1, total: data.total })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.rowHead}>
              {t('matrixParticipant')}
            </Table.Th>
            {data.months.map((month) => (
              <Table.Th key={month} scope="col" ta="center" className={classes.monthHead}>
                <span aria-hidden>{tk('monthShort', { month })}</span>
                <VisuallyHidden>{tk('monthN', { month })}</VisuallyHidden>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {data.rows.map((row) => (
            <Table.Tr key={row.studyId}>
              <Table.Th scope="row" className={classes.rowHead}>
                <Anchor
                  component={Link}
                  to={trialPath(trialId, `participants/${row.studyId}`)}
                  size="sm"
                  fw={600}
                >
                  {row.studyId}
                </Anchor>
              </Table.Th>
              {row.cells.map((cell) => {
                const style = stateStyles[cell.state];
                const label = tk(style.label);
                const text =
                  cell.state === 'none' || !cell.dueDate
                    ? label
                    : cell.performedDate
                      ? t('matrixCellDone', {
                          state: label,
                          due: f.date(cell.dueDate),
                          done: f.date(cell.performedDate),
                        })
                      : t('matrixCell', { state: label, due: f.date(cell.dueDate) });
                return (
                  <Table.Td key={cell.month} ta="center" title={text} className={classes.cell}>
                    <StateSymbol state={cell.state} />
                    <VisuallyHidden>{text}</VisuallyHidden>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

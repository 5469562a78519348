// Follow-up status: participants per follow-up phase and assessments per state, both by centre.
import { Grid, Stack, Table, Title } from '@mantine/core';
import { ChartViewSwitch, useChartView } from '../../components/chart-or-table';
import { clinical } from '../../components/clinical/messages';
import { stateStyles } from '../../components/clinical/states';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { common } from '../../i18n/common-messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { messages } from './messages';

import type { CentrePaging } from './centre-page';
import { CentrePager } from './centre-pager';
import type { CentreName, Overview } from './types';
import { AssessmentsChart, PhasesChart } from './lazy-charts';
import { assessmentOrder, shownBuckets, useBucketLabel } from './chart-data';

export function FollowUpSection({
  overview,
  centreName,
  paging,
}: {
  overview: Overview;
  centreName: CentreName;
  paging: CentrePaging;
}) {
  const t = useT(messages);
  const [view, setView] = useChartView();
  return (
    <Section
      title={t('followUpStatusTitle')}
      description={t('followUpStatusDescription')}
      actions={<ChartViewSwitch value={view} onChange={setView} label={t('followUpStatusTitle')} />}
    >
      <Grid gap="xl">
        <Grid.Col span={view === 'chart' ? { base: 12, lg: 6 } : 12}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('phasesTitle')}
            </Title>
            {view === 'chart' ? (
              <PhasesChart overview={overview} centreName={centreName} />
            ) : (
              <PhasesTable overview={overview} centreName={centreName} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={view === 'chart' ? { base: 12, lg: 6 } : 12}>
          <Stack gap="xs">
            <Title order={3} size="h5">
              {t('assessmentsTitle')}
            </Title>
            {view === 'chart' ? (
              <AssessmentsChart overview={overview} centreName={centreName} />
            ) : (
              <AssessmentsTable overview={overview} centreName={centreName} />
            )}
          </Stack>
        </Grid.Col>
      </Grid>
      <CentrePager paging={paging} label={t('followUpPagination')} />
    </Section>
  );
}

function PhasesTable({ overview, centreName }: { overview: Overview; centreName: CentreName }) {
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const bucketLabel = useBucketLabel();
  return (
    <ScrollTable>
      <Table striped className="tabular">
        <Table.Caption>{t('phasesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colPhase')}</Table.Th>
            {overview.followUp.byCentre.map((c) => (
              <Table.Th key={c.centre} scope="col" ta="right">
                {centreName(c.centre)}
              </Table.Th>
            ))}
            <Table.Th scope="col" ta="right">
              {tc('total')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {shownBuckets(overview).map((bucket) => (
            <Table.Tr key={bucket}>
              <Table.Th scope="row" fw={500}>
                {bucketLabel(bucket)}
              </Table.Th>
              {overview.followUp.byCentre.map((c) => (
                <Table.Td key={c.centre} ta="right">
                  {f.number(c.buckets[bucket] ?? 0)}
                </Table.Td>
              ))}
              <Table.Td ta="right" fw={700}>
                {f.number(overview.followUp.total[bucket] ?? 0)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function AssessmentsTable({ overview, centreName }: { overview: Overview; centreName: CentreName }) {
  const t = useT(messages);
  const tc = useT(common);
  const tk = useT(clinical);
  const f = useFormat();
  return (
    <ScrollTable>
      <Table striped className="tabular">
        <Table.Caption>{t('assessmentsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colCentre')}</Table.Th>
            {assessmentOrder.map((s) => (
              <Table.Th key={s} scope="col" ta="right">
                {tk(stateStyles[s].label)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.assessments.byCentre.map((c) => (
            <Table.Tr key={c.centre}>
              <Table.Th scope="row" fw={500}>
                {centreName(c.centre)}
              </Table.Th>
              {assessmentOrder.map((s) => (
                <Table.Td key={s} ta="right">
                  {f.number(c.states[s] ?? 0)}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{tc('total')}</Table.Th>
            {assessmentOrder.map((s) => (
              <Table.Td key={s} ta="right" fw={700}>
                {f.number(overview.assessments.total[s] ?? 0)}
              </Table.Td>
            ))}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}

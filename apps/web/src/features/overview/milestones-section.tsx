// Milestones planned against actual (or projected from the data), and when each participant's follow-up
// ends. Projected dates are marked in words, with a dashed line and an outlined badge.
import { Badge, Grid, Group, Stack, Table, Text, ThemeIcon, Timeline } from '@mantine/core';
import { AssumptionMark } from '../../components/assumption-badge';
import { ChartViewSwitch, useChartView } from '../../components/chart-or-table';
import { Section } from '../../components/section';
import { ScrollTable } from '../../components/scroll-table';
import { milestoneNames } from '@trialdesk/domain';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { messages } from './messages';
import { milestoneMark } from './summary';
import type { Overview } from './types';
import { FollowUpEndsChart } from './lazy-charts';

export type Milestone = Overview['milestones'][number];

/** Analysis dates follow from planning offsets; those offsets are the protocol's 'milestones' setting. */
const settingOf = (m: Milestone) =>
  m.key === 'primaryAnalysis' || m.key === 'finalAnalysis' ? 'milestones' : 'recruitment';

function sortByDate(milestones: readonly Milestone[]): Milestone[] {
  return [...milestones].sort((a, b) => (a.date ?? a.planned).localeCompare(b.date ?? b.planned));
}

/** The milestone's one name (domain milestoneNames), as the committee report and its PDF print it too. */
function useMilestoneLabel() {
  const { lang } = useLang();
  return (m: Milestone) => milestoneNames[m.key][lang];
}

function BasisBadge({ basis }: { basis: Milestone['basis'] }) {
  const t = useT(messages);
  const color =
    basis === 'actual' ? 'teal' : basis === 'due' ? 'orange' : basis === 'projected' ? 'violet' : 'gray';
  return (
    <Badge size="sm" radius="sm" color={color} variant={basis === 'actual' ? 'light' : 'outline'}>
      {t(`basis_${basis}`)}
    </Badge>
  );
}

export function MilestonesSection({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const [view, setView] = useChartView();
  return (
    <Section
      title={t('milestonesTitle')}
      description={t('milestonesDescription')}
      actions={<ChartViewSwitch value={view} onChange={setView} label={t('milestonesTitle')} />}
    >
      {view === 'chart' ? (
        <Grid gap="xl">
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <MilestoneTimeline overview={overview} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <FollowUpEndsChart overview={overview} />
          </Grid.Col>
        </Grid>
      ) : (
        <Stack gap="lg">
          <MilestoneTable overview={overview} />
          <FollowUpEndsTable overview={overview} />
        </Stack>
      )}
    </Section>
  );
}

function MilestoneTimeline({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const f = useFormat();
  const label = useMilestoneLabel();
  const items = sortByDate(overview.milestones);
  const reached = items.filter((m) => m.reached).length;
  return (
    <Timeline
      active={reached - 1}
      bulletSize={22}
      lineWidth={3}
      color="teal"
      aria-label={t('milestonesTitle')}
    >
      {items.map((m) => (
        <Timeline.Item
          key={m.key}
          lineVariant={m.basis === 'actual' ? 'solid' : 'dashed'}
          bullet={
            <ThemeIcon
              size={22}
              radius="xl"
              color={m.reached ? 'teal' : m.basis === 'due' ? 'orange' : 'gray'}
              variant={m.reached ? 'filled' : 'light'}
              data-testid={`milestone-mark-${m.key}`}
              data-reached={m.reached}
            >
              <span aria-hidden style={{ fontSize: 12 }}>
                {milestoneMark(m)}
              </span>
            </ThemeIcon>
          }
          title={
            <Group gap="xs" wrap="wrap">
              <Text fw={600} size="sm" component="span">
                {label(m)}
              </Text>
              <BasisBadge basis={m.basis} />
            </Group>
          }
        >
          <Text size="sm" fs={m.basis === 'projected' ? 'italic' : undefined}>
            {m.date === null
              ? t('unknownDate')
              : m.basis === 'actual'
                ? t('actualDate', { date: f.date(m.date) })
                : m.basis === 'due'
                  ? t('dueDate', { date: f.date(m.date) })
                  : t('projectedDate', { date: f.date(m.date) })}
          </Text>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              {t('plannedDate', { date: f.date(m.planned) })}
            </Text>
            <AssumptionMark assumptions={overview.trial.assumptions} setting={settingOf(m)} />
          </Group>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

function MilestoneTable({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const f = useFormat();
  const label = useMilestoneLabel();
  return (
    <ScrollTable>
      <Table striped className="tabular">
        <Table.Caption>{t('milestonesCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('colMilestone')}</Table.Th>
            <Table.Th scope="col">{t('colPlanned')}</Table.Th>
            <Table.Th scope="col">{t('colDate')}</Table.Th>
            <Table.Th scope="col">{t('colBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sortByDate(overview.milestones).map((m) => (
            <Table.Tr key={m.key}>
              <Table.Th scope="row">{label(m)}</Table.Th>
              <Table.Td>
                <Group gap={6}>
                  {f.date(m.planned)}
                  <AssumptionMark assumptions={overview.trial.assumptions} setting={settingOf(m)} />
                </Group>
              </Table.Td>
              <Table.Td>{f.date(m.date)}</Table.Td>
              <Table.Td>
                <BasisBadge basis={m.basis} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

function FollowUpEndsTable({ overview }: { overview: Overview }) {
  const t = useT(messages);
  const f = useFormat();
  const asOfMonth = overview.asOf.slice(0, 7);
  if (overview.followUpEnds.length === 0) return <Text size="sm">{t('endsEmpty')}</Text>;
  return (
    <ScrollTable maxHeight={360}>
      <Table striped stickyHeader className="tabular">
        <Table.Caption>{t('endsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('month')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('endsCount')}
            </Table.Th>
            <Table.Th scope="col">{t('colBasis')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {overview.followUpEnds.map((e) => (
            <Table.Tr key={e.month}>
              <Table.Th scope="row" fw={500}>
                {f.month(e.month)}
              </Table.Th>
              <Table.Td ta="right">{f.number(e.count)}</Table.Td>
              <Table.Td>{e.month <= asOfMonth ? t('basis_actual') : t('basis_projected')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

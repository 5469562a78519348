// The screening log: the funnel per centre (numbers computed by the server), the form to log a screened
// candidate, and the centre's screenings under their pseudonymous numbers.
import { Badge, Grid, Stack, Table, Text } from '@mantine/core';
import { can } from '@trialdesk/domain';
import { useQuery } from '@tanstack/react-query';
import { failureWordings } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTrialId } from '../../app/trial';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useLang, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';
import { ScreeningForm } from './screening-form';

type Funnel = RouterOutputs['entry']['screening']['funnel'];

export default function ScreeningPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const user = useSession();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const funnel = useQuery(trpc.entry.screening.funnel.queryOptions({ trialId }));
  if (trial.isPending || funnel.isPending) return <PageLoader />;
  if (trial.isError) return <PageError error={trial.error} onRetry={() => void trial.refetch()} />;
  if (funnel.isError) return <PageError error={funnel.error} onRetry={() => void funnel.refetch()} />;
  const def = trial.data.definition;
  const canWrite = can(user.role, 'clinical:write');
  return (
    <>
      <PageHeader
        title={t('screeningTitle')}
        subtitle={t('screeningSubtitle', { code: def.code })}
        actions={
          trial.data.synthetic ? (
            <Badge color="grape" variant="light">
              {t('synthetic')}
            </Badge>
          ) : null
        }
      />
      <Stack gap="lg">
        <Section title={t('funnelTitle')} description={t('funnelDescription')}>
          <FunnelTable funnel={funnel.data} />
        </Section>
        <Grid gap="lg">
          {canWrite ? (
            <Grid.Col span={{ base: 12, xl: 4 }}>
              <Section title={t('logTitle')}>
                <ScreeningForm trialId={trialId} def={def} />
              </Section>
            </Grid.Col>
          ) : null}
          {can(user.role, 'participant:read') ? (
            <Grid.Col span={{ base: 12, xl: canWrite ? 8 : 12 }}>
              <ScreeningList trialId={trialId} />
            </Grid.Col>
          ) : null}
        </Grid>
      </Stack>
    </>
  );
}

const counts = ['screened', 'notEligible', 'declined', 'other', 'included'] as const;
const countLabel = {
  screened: 'colScreened',
  notEligible: 'colNotEligible',
  declined: 'colDeclined',
  other: 'colOther',
  included: 'colIncluded',
} as const;

// Below the phone breakpoint each centre becomes a card of "label: value" lines (global .stacked), so no
// column is lost; the criteria wrap in their cell rather than being cut off behind a scroll bar.
function FunnelTable({ funnel }: { funnel: Funnel }) {
  const t = useT(messages);
  const f = useFormat();
  const countCells = (row: Funnel['total']) =>
    counts.map((k) => (
      <Table.Td key={k} ta="right" fw={k === 'included' ? 700 : undefined} data-label={t(countLabel[k])}>
        {f.number(row[k])}
      </Table.Td>
    ));
  return (
    <ScrollTable>
      <Table striped className="tabular stacked" verticalSpacing="xs">
        <Table.Caption>{t('funnelCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('centre')}</Table.Th>
            {counts.map((k) => (
              <Table.Th key={k} scope="col" ta="right">
                {t(countLabel[k])}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t('topCriteria')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {funnel.centres.map((c) => (
            <Table.Tr key={c.centre}>
              <Table.Th scope="row">{c.name}</Table.Th>
              {countCells(c)}
              <Table.Td className="wrap" miw={260} data-label={t('topCriteria')}>
                <CriteriaList items={c.notEligibleByCriterion.slice(0, 3)} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('funnelTotal')}</Table.Th>
            {countCells(funnel.total)}
            <Table.Td />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </ScrollTable>
  );
}

function CriteriaList({ items }: { items: Funnel['centres'][number]['notEligibleByCriterion'] }) {
  const { lang } = useLang();
  if (items.length === 0) return <Text size="sm">–</Text>;
  return (
    <Stack gap={2}>
      {items.map((i) => (
        <Text key={i.criterionId} size="xs">
          {i.count} × {i.text[lang]}
        </Text>
      ))}
    </Stack>
  );
}

function ScreeningList({ trialId }: { trialId: string }) {
  const t = useT(messages);
  const f = useFormat();
  const { lang } = useLang();
  const trpc = useTRPC();
  const user = useSession();
  const list = useQuery(trpc.entry.screening.list.queryOptions({ trialId, pageSize: 100 }));
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  // A failed criterion reads as what was wrong ("Platelets < 100 ×10⁹/L"), never as the requirement.
  const reasons = trial.data ? failureWordings(trial.data.definition) : {};
  return (
    <Section title={user.centre ? t('listTitle', { centre: user.centre }) : t('listTitleAll')}>
      <ScrollTable maxHeight={560}>
        <Table striped className="tabular" verticalSpacing="xs">
          <Table.Caption>{t('listCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('colNumber')}</Table.Th>
              <Table.Th scope="col">{t('colDate')}</Table.Th>
              <Table.Th scope="col">{t('colOutcome')}</Table.Th>
              <Table.Th scope="col">{t('colDetail')}</Table.Th>
              <Table.Th scope="col">{t('colParticipant')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.rows.map((r) => (
              <Table.Tr
                key={r.screeningNumber}
                style={r.voided ? { textDecoration: 'line-through' } : undefined}
              >
                <Table.Th scope="row" ff="monospace">
                  {r.screeningNumber}
                  {r.voided ? (
                    <Badge ml="xs" color="red" variant="light" size="xs">
                      {t('voided')}
                    </Badge>
                  ) : null}
                </Table.Th>
                <Table.Td>{f.date(r.screeningDate)}</Table.Td>
                <Table.Td>{t(`outcome_${r.outcome}`)}</Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2}>
                    {r.failedCriteria.length
                      ? r.failedCriteria.map((id) => reasons[id]?.[lang] ?? id).join('; ')
                      : (r.reason ?? '–')}
                  </Text>
                </Table.Td>
                <Table.Td ff="monospace">{r.studyId ?? '–'}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollTable>
    </Section>
  );
}

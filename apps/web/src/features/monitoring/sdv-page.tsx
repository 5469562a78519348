// SDV progress against the trial definition's plan, per centre and per participant, each participant
// linked to their page where the monitor verifies records. Coordinators see their own centre.
import { Anchor, Progress, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { trialPath, useTrialId } from '../../app/trial';
import { useCentreNames } from '../../app/use-centre-names';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC, type RouterOutputs } from '../../lib/trpc';
import { messages } from './messages';

type Counts = RouterOutputs['sdv']['progress']['total'];

export default function SdvPage() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const t = useT(messages);
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const centreName = useCentreNames(trialId);
  const progress = useQuery(trpc.sdv.progress.queryOptions({ trialId }));
  if (progress.isPending) return <PageLoader />;
  if (progress.isError) return <PageError error={progress.error} onRetry={() => void progress.refetch()} />;
  const p = progress.data;
  const groups = p.plan.full.map((g) => t(`sdvGroup_${g}`)).join(', ');
  return (
    <>
      <PageHeader
        title={t('sdvTitle')}
        subtitle={t('sdvSubtitle', { code: trial.data?.definition.code ?? trialId })}
      />
      <Stack gap="lg">
        <Text size="sm">
          {t('sdvPlan', { groups, percent: String(p.plan.samplePercent), seed: String(p.plan.sampleSeed) })}
        </Text>
        <Section title={t('perCentre')}>
          <CountsTable
            first={t('colCentre')}
            rows={[
              ...p.centres.map((c) => ({ key: c.centre, name: centreName(c.centre), counts: c })),
              { key: '*', name: t('allCentres'), counts: p.total },
            ]}
          />
        </Section>
        <Section title={t('perParticipant')}>
          <CountsTable
            first={t('colParticipant')}
            rows={p.participants.map((x) => ({
              key: x.studyId,
              name: (
                <Anchor component={Link} to={trialPath(trialId, `participants/${x.studyId}`)} size="sm">
                  {x.studyId}
                </Anchor>
              ),
              counts: x,
            }))}
            maxHeight={560}
          />
        </Section>
      </Stack>
    </>
  );
}

function CountsTable({
  first,
  rows,
  maxHeight,
}: {
  first: string;
  rows: { key: string; name: ReactNode; counts: Counts }[];
  maxHeight?: number;
}) {
  const t = useT(messages);
  const f = useFormat();
  return (
    <ScrollTable maxHeight={maxHeight}>
      {/* At a phone's width each row stacks into a labelled card (the .stacked pattern). */}
      <Table verticalSpacing={4} className="tabular stacked">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{first}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colRequired')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colVerified')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('colReverify')}
            </Table.Th>
            <Table.Th scope="col">{t('colProgress')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const share = r.counts.required === 0 ? 0 : r.counts.verified / r.counts.required;
            return (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" className="wrap" fw={400}>
                  {r.name}
                </Table.Th>
                <Table.Td ta="right" data-label={t('colRequired')}>
                  {f.number(r.counts.required)}
                </Table.Td>
                <Table.Td ta="right" data-label={t('colVerified')}>
                  {f.number(r.counts.verified)}
                </Table.Td>
                <Table.Td ta="right" data-label={t('colReverify')}>
                  {f.number(r.counts.toReverify)}
                </Table.Td>
                <Table.Td miw={140} data-label={t('colProgress')}>
                  <div style={{ flex: 1 }}>
                    <Progress value={share * 100} aria-label={f.percent(share, 0)} size="md" />
                    <Text size="xs" c="dimmed">
                      {f.percent(share, 0)}
                    </Text>
                  </div>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </ScrollTable>
  );
}

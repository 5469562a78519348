// The SAE listing for those who read participants: one compact row per SAE (study ID, centre, when the site
// became aware, criteria, strongest causality, SUSAR, the initial report's clock in words, where it stands,
// the PI's review), in the order the sites became aware of them, so a trial with many SAEs reads as a list.
// A row opens the SAE's whole card underneath, with the PI's actions (review, SUSAR reported). Filters by
// centre (the server's) and state (not reviewed, overdue).
import { Anchor, Badge, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath } from '../../app/trial';
import type { TrialCentre } from '../../app/use-centre-names';
import { CentreFilter } from '../../components/centre-filter';
import { ExpandableTable } from '../../components/expandable-table';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { clockColour, type SaeView } from './clock-words';
import { listingMessages } from './listing-messages';
import { SaeCard, useSaeTitle } from './sae-card';
import { useShortClockText } from './sae-clock';
import { filterSaes, saeKey, saeReportState, strongestAssessment, type StateFilter } from './sae-rows';
import { SaeStep } from './sae-step-forms';

export function SaeListing({
  trialId,
  centres,
  centreName,
}: {
  trialId: string;
  centres: readonly TrialCentre[];
  centreName: (code: string) => string;
}) {
  const t = useT(listingMessages);
  const f = useFormat();
  const trpc = useTRPC();
  const user = useSession();
  const clockText = useShortClockText();
  const saeTitle = useSaeTitle();
  const [centre, setCentre] = useState<string | null>(null);
  const [state, setState] = useState<StateFilter>('all');
  const list = useQuery(trpc.safety.list.queryOptions({ trialId, ...(centre ? { centre } : {}) }));
  const mayReview = can(user.role, 'sae:review');
  const rows = list.data ? filterSaes(list.data.saes, state) : [];
  const actions = (s: SaeView) =>
    s.id !== null && mayReview ? (
      <Group gap="xs">
        {s.review === null ? <SaeStep step="review" trialId={trialId} saeId={s.id} /> : null}
        {s.susar && s.susarReport === null ? <SaeStep step="susar" trialId={trialId} saeId={s.id} /> : null}
      </Group>
    ) : null;
  return (
    <Section title={t('title')} description={t('listingCount', { n: rows.length })}>
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <CentreFilter
            centres={centres}
            value={centre}
            locked={user.centre}
            lockedHint={t('centreLocked')}
            onChange={setCentre}
          />
          <NativeSelect
            label={t('filterState')}
            value={state}
            onChange={(e) => setState(e.currentTarget.value as StateFilter)}
            data={[
              { value: 'all', label: t('stateAll') },
              { value: 'unreviewed', label: t('stateUnreviewed') },
              { value: 'overdue', label: t('stateOverdue') },
            ]}
            w={200}
          />
        </Group>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && rows.length === 0 ? <Text size="sm">{t('nothing')}</Text> : null}
        {rows.length > 0 ? (
          <ExpandableTable
            // Another centre or state starts with every SAE closed.
            key={`${centre ?? ''}:${state}`}
            rows={rows}
            rowKey={saeKey}
            caption={t('listingCaption')}
            testId="sae-listing"
            opener={{
              header: t('colStudyId'),
              text: (s) => s.studyId,
              label: (s) => t('openSae', { studyId: s.studyId, title: saeTitle(s) }),
            }}
            columns={[
              { header: t('colCentre'), cell: (s) => centreName(s.centre), wrap: true },
              { header: t('colAware'), cell: (s) => f.timestamp(s.awareAt) },
              {
                header: t('colCriteria'),
                cell: (s) => s.criteria.map((c) => t(`criterion_${c}`)).join(', ') || '–',
                wrap: true,
              },
              {
                header: t('colCausality'),
                cell: (s) => {
                  const a = strongestAssessment(s);
                  return a
                    ? t('causalityOf', {
                        causality: t(`causality_${a.causality}`),
                        intervention: a.interventionName,
                      })
                    : '–';
                },
                wrap: true,
              },
              {
                header: t('colSusar'),
                cell: (s) =>
                  s.susar ? (
                    <Badge color="red" variant="filled">
                      {t('susarYes')}
                    </Badge>
                  ) : (
                    t('susarNo')
                  ),
              },
              {
                header: t('colInitialReport'),
                cell: (s) => (
                  <Text size="sm" c={clockColour(s.clocks.initial) === 'red' ? 'red.8' : undefined}>
                    {clockText(s.clocks.initial)}
                  </Text>
                ),
                wrap: true,
              },
              {
                header: t('colState'),
                cell: (s) =>
                  s.eventVoided
                    ? `${t(`saeState_${saeReportState(s)}`)} (${t('eventVoided')})`
                    : t(`saeState_${saeReportState(s)}`),
                wrap: true,
              },
              {
                header: t('colReview'),
                cell: (s) => (s.id === null ? '–' : s.review ? t('reviewYes') : t('reviewNo')),
              },
            ]}
            detail={(s) => (
              <Stack gap="xs">
                <Anchor component={Link} to={trialPath(trialId, `participants/${s.studyId}`)} size="sm">
                  {t('openParticipant', { studyId: s.studyId })}
                </Anchor>
                <SaeCard sae={s}>{actions(s)}</SaeCard>
              </Stack>
            )}
          />
        ) : null}
      </Stack>
    </Section>
  );
}

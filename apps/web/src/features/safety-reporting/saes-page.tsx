// The SAE listing: per participant, chronological, each SAE with its criteria, causality, SUSAR flag,
// clocks, follow-ups, review and SUSAR submission; the PI reviews and records a SUSAR's submission here.
// Filters by centre (the server's) and state (not reviewed, overdue). The steering committee, which does
// not read participants, sees only the aggregate counts.
import { Anchor, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { CentreFilter } from '../../components/centre-filter';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { Section } from '../../components/section';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { SaeView } from './clock-words';
import { listingMessages } from './listing-messages';
import { SaeCard } from './sae-card';
import { SaeCounts } from './sae-counts';
import { SaeStep } from './sae-step-forms';

type StateFilter = 'all' | 'unreviewed' | 'overdue';

export function filterSaes(saes: readonly SaeView[], state: StateFilter): SaeView[] {
  if (state === 'unreviewed') return saes.filter((s) => s.id === null || s.review === null);
  if (state === 'overdue') return saes.filter((s) => s.overdue);
  return [...saes];
}

export default function SaesPage() {
  const trialId = useTrialId();
  const t = useT(listingMessages);
  const trpc = useTRPC();
  const user = useSession();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const centres = trial.data?.definition.centres ?? [];
  const centreName = (code: string) => centres.find((c) => c.code === code)?.name ?? code;
  const readsParticipants = can(user.role, 'participant:read');
  return (
    <>
      <PageHeader title={t('title')} subtitle={readsParticipants ? t('subtitle') : t('subtitleCounts')} />
      <Stack gap="lg">
        <SaeCounts trialId={trialId} centreName={centreName} />
        {readsParticipants ? <SaeListing trialId={trialId} centres={centres} /> : null}
      </Stack>
    </>
  );
}

function SaeListing({
  trialId,
  centres,
}: {
  trialId: string;
  centres: readonly { code: string; name: string }[];
}) {
  const t = useT(listingMessages);
  const trpc = useTRPC();
  const user = useSession();
  const [centre, setCentre] = useState<string | null>(null);
  const [state, setState] = useState<StateFilter>('all');
  const list = useQuery(trpc.safety.list.queryOptions({ trialId, ...(centre ? { centre } : {}) }));
  const mayReview = can(user.role, 'sae:review');
  const rows = list.data ? filterSaes(list.data.saes, state) : [];
  const participants = [...new Set(rows.map((r) => r.studyId))];
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
        {participants.map((studyId) => (
          <Stack key={studyId} gap="sm" component="section" aria-label={t('participantN', { studyId })}>
            <Title order={2} size="h4">
              <Anchor component={Link} to={trialPath(trialId, `participants/${studyId}`)} ff="monospace">
                {t('participantN', { studyId })}
              </Anchor>
            </Title>
            {rows
              .filter((r) => r.studyId === studyId)
              .map((s) => (
                <SaeCard key={s.id ?? `death-${s.eventId}`} sae={s}>
                  {s.id !== null && mayReview ? (
                    <Group gap="xs">
                      {s.review === null ? <SaeStep step="review" trialId={trialId} saeId={s.id} /> : null}
                      {s.susar && s.susarReport === null ? (
                        <SaeStep step="susar" trialId={trialId} saeId={s.id} />
                      ) : null}
                    </Group>
                  ) : null}
                </SaeCard>
              ))}
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

// The protocol deviation log: the summary per centre and category (all that the steering committee sees),
// the log with filters (centre and category on the server, severity here), automatic entries marked as
// such, and the form to log one (coordinators for their own centre, the data manager).
import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { can, deviationCategories, type DeviationCategory } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { useTrialCentres, type TrialCentre } from '../../app/use-centre-names';
import { CentreFilter } from '../../components/centre-filter';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { DeviationCountsTable } from '../safety-summary/deviation-counts-table';
import { DeviationForm } from './deviation-form';
import { deviationMessages } from './deviation-messages';

export default function DeviationsPage() {
  const trialId = useTrialId();
  const t = useT(deviationMessages);
  const user = useSession();
  const { centres, centreName } = useTrialCentres(trialId);
  const readsParticipants = can(user.role, 'participant:read');
  return (
    <>
      <PageHeader title={t('title')} subtitle={readsParticipants ? t('subtitle') : t('subtitleCounts')} />
      <Stack gap="lg">
        <DeviationSummary trialId={trialId} centreName={centreName} />
        {readsParticipants ? (
          <DeviationLog trialId={trialId} centres={centres} centreName={centreName} />
        ) : null}
        {can(user.role, 'deviation:record') ? (
          <Section title={t('recordTitle')}>
            <DeviationForm trialId={trialId} centres={centres} ownCentre={user.centre} />
          </Section>
        ) : null}
      </Stack>
    </>
  );
}

function DeviationSummary({ trialId, centreName }: { trialId: string; centreName: (c: string) => string }) {
  const t = useT(deviationMessages);
  const trpc = useTRPC();
  const summary = useQuery(trpc.deviations.summary.queryOptions({ trialId }));
  const s = summary.data;
  if (!s) return null;
  return (
    <Section
      title={t('summaryTitle')}
      description={t('summaryTotal', { n: s.total, major: s.major, minor: s.minor })}
    >
      {s.cells.length === 0 ? (
        <Text size="sm">{t('noneYet')}</Text>
      ) : (
        <DeviationCountsTable cells={s.cells} centreName={centreName} caption={t('summaryCaption')} />
      )}
    </Section>
  );
}

function DeviationLog({
  trialId,
  centres,
  centreName,
}: {
  trialId: string;
  centres: readonly TrialCentre[];
  centreName: (code: string) => string;
}) {
  const t = useT(deviationMessages);
  const f = useFormat();
  const trpc = useTRPC();
  const user = useSession();
  const [centre, setCentre] = useState<string | null>(null);
  const [category, setCategory] = useState<DeviationCategory | ''>('');
  const [severity, setSeverity] = useState<'major' | 'minor' | ''>('');
  const list = useQuery(
    trpc.deviations.list.queryOptions({
      trialId,
      ...(centre ? { centre } : {}),
      ...(category ? { category } : {}),
    }),
  );
  const rows = (list.data?.deviations ?? [])
    .filter((d) => severity === '' || d.severity === severity)
    .sort((a, b) => b.date.localeCompare(a.date) || b.id - a.id);
  return (
    <Section
      title={t('logTitle')}
      description={list.isSuccess ? t('logCount', { n: rows.length }) : undefined}
    >
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
            label={t('filterCategory')}
            value={category}
            onChange={(e) => setCategory(e.currentTarget.value as DeviationCategory | '')}
            data={[
              { value: '', label: t('any') },
              ...deviationCategories.map((c) => ({ value: c, label: t(`category_${c}`) })),
            ]}
            w={220}
          />
          <NativeSelect
            label={t('filterSeverity')}
            value={severity}
            onChange={(e) => setSeverity(e.currentTarget.value as 'major' | 'minor' | '')}
            data={[
              { value: '', label: t('any') },
              { value: 'major', label: t('severity_major') },
              { value: 'minor', label: t('severity_minor') },
            ]}
            w={160}
          />
        </Group>
        {list.isPending ? <PageLoader /> : null}
        {list.isError ? <PageError error={list.error} onRetry={() => void list.refetch()} /> : null}
        {list.isSuccess && rows.length === 0 ? <Text size="sm">{t('noneYet')}</Text> : null}
        {rows.length > 0 ? (
          <ScrollTable maxHeight={640}>
            <Table striped className="tabular stacked" verticalSpacing="xs">
              <Table.Caption>{t('logCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('colParticipant')}</Table.Th>
                  <Table.Th scope="col">{t('colDate')}</Table.Th>
                  <Table.Th scope="col">{t('colCategory')}</Table.Th>
                  <Table.Th scope="col">{t('colSeverity')}</Table.Th>
                  <Table.Th scope="col">{t('colDescription')}</Table.Th>
                  <Table.Th scope="col">{t('colAction')}</Table.Th>
                  <Table.Th scope="col">{t('colOrigin')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((d) => (
                  <Table.Tr key={d.id}>
                    <Table.Th scope="row" className="wrap">
                      {d.studyId ? (
                        <Anchor
                          component={Link}
                          to={trialPath(trialId, `participants/${d.studyId}`)}
                          ff="monospace"
                        >
                          {d.studyId}
                        </Anchor>
                      ) : (
                        `${t('centreOnly')} ${centreName(d.centre)}`
                      )}
                    </Table.Th>
                    <Table.Td data-label={t('colDate')}>{f.date(d.date)}</Table.Td>
                    <Table.Td className="wrap" data-label={t('colCategory')}>
                      {t(`category_${d.category}`)}
                    </Table.Td>
                    <Table.Td data-label={t('colSeverity')}>
                      <Text
                        size="sm"
                        fw={d.severity === 'major' ? 700 : 400}
                        c={d.severity === 'major' ? 'red.8' : undefined}
                      >
                        {t(`severity_${d.severity}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td className="wrap" data-label={t('colDescription')}>
                      {d.description}
                    </Table.Td>
                    <Table.Td className="wrap" data-label={t('colAction')}>
                      {d.correctiveAction ?? '–'}
                    </Table.Td>
                    <Table.Td className="wrap" data-label={t('colOrigin')}>
                      {/* One child (a phone's stacked row lays a cell's children side by side); the badges wrap. */}
                      <Group gap={4} wrap="wrap">
                        {d.origin === 'auto' ? (
                          <Badge color="blue" variant="light" tt="none">
                            {t('auto')}
                          </Badge>
                        ) : (
                          d.createdByName
                        )}
                        {d.synthetic ? (
                          <Badge color="grape" variant="light">
                            {t('synthetic')}
                          </Badge>
                        ) : null}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollTable>
        ) : null}
      </Stack>
    </Section>
  );
}

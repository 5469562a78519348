// The PI's casebook list before a data cut: every casebook (a coordinator: their centre's) with its
// signature state, how many are not signed or no longer valid, and Sign for each one the PI opens.
import { Anchor, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../app/session';
import { trialPath, useTrialId } from '../../app/trial';
import { useCentreNames } from '../../app/use-centre-names';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { SignDialog } from './sign-dialog';
import { SignatureBadge, type SignatureState } from './signature-state';

const shows = ['all', 'unsigned', 'invalidated', 'signed'] as const;
type Show = (typeof shows)[number];

export default function CasebooksPage() {
  const trialId = useTrialId();
  const t = useT(messages);
  const f = useFormat();
  const trpc = useTRPC();
  const user = useSession();
  const centreName = useCentreNames(trialId);
  const [show, setShow] = useState<Show>('all');
  // On a phone the four choices do not fit side by side: they stack.
  const narrow = useMediaQuery('(max-width: 40em)');
  const [signing, setSigning] = useState<string | null>(null);
  const list = useQuery(trpc.signatures.casebooks.queryOptions({ trialId }));
  const maySign = can(user.role, 'casebook:sign');
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <PageError error={list.error} onRetry={() => void list.refetch()} />;
  const casebooks = list.data.casebooks;
  const count = (state: SignatureState) => casebooks.filter((c) => c.state === state).length;
  const shown = show === 'all' ? casebooks : casebooks.filter((c) => c.state === show);
  return (
    <>
      <PageHeader title={t('casebooksTitle')} subtitle={t('casebooksSubtitle')} />
      <Section
        title={t('casebooksTitle')}
        description={
          <>
            {t('count_unsigned', { count: count('unsigned') })} ·{' '}
            {t('count_invalidated', { count: count('invalidated') })} ·{' '}
            {t('count_signed', { count: count('signed') })}
          </>
        }
      >
        <Stack gap="sm">
          <Group gap="sm">
            <Text size="sm" fw={600} id="casebook-show">
              {t('show')}
            </Text>
            <SegmentedControl
              aria-labelledby="casebook-show"
              size="xs"
              orientation={narrow ? 'vertical' : 'horizontal'}
              value={show}
              onChange={(v) => setShow(v)}
              data={shows.map((s) => ({ value: s, label: t(`show_${s}`) }))}
            />
          </Group>
          {shown.length === 0 ? (
            <Text size="sm" c="dimmed">
              {t('none')}
            </Text>
          ) : (
            <ScrollTable maxHeight={720}>
              <Table striped fz="sm" verticalSpacing="xs" className="stacked" data-testid="casebooks">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('colParticipant')}</Table.Th>
                    <Table.Th scope="col">{t('colCentre')}</Table.Th>
                    <Table.Th scope="col">{t('colState')}</Table.Th>
                    <Table.Th scope="col">{t('colSigned')}</Table.Th>
                    {maySign ? <Table.Th scope="col">{t('colActions')}</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((c) => (
                    <Table.Tr key={c.studyId}>
                      <Table.Th scope="row">
                        <Anchor
                          component={Link}
                          to={trialPath(trialId, `participants/${c.studyId}`)}
                          size="sm"
                        >
                          {c.studyId}
                        </Anchor>
                      </Table.Th>
                      <Table.Td data-label={t('colCentre')}>{centreName(c.centre)}</Table.Td>
                      <Table.Td data-label={t('colState')}>
                        <SignatureBadge state={c.state} />
                      </Table.Td>
                      <Table.Td data-label={t('colSigned')}>
                        {c.signature
                          ? t('signedBy', {
                              name: c.signature.signerName,
                              at: f.timestamp(c.signature.signedAt),
                            })
                          : '–'}
                      </Table.Td>
                      {maySign ? (
                        <Table.Td>
                          {c.state === 'signed' ? null : (
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={t('signCasebookOf', {
                                action: c.state === 'invalidated' ? t('signAgain') : t('signCasebook'),
                                studyId: c.studyId,
                              })}
                              onClick={() => setSigning(c.studyId)}
                            >
                              {c.state === 'invalidated' ? t('signAgain') : t('signCasebook')}
                            </Button>
                          )}
                        </Table.Td>
                      ) : null}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
        </Stack>
      </Section>
      {signing !== null ? (
        <SignDialog
          target={{ kind: 'casebook', trialId, studyId: signing }}
          onClose={() => setSigning(null)}
        />
      ) : null}
    </>
  );
}

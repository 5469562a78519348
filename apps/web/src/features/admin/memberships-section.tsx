// The trial memberships of one account (administrators only): its role (and, for a coordinator, centre) in
// each trial, a form to add it to a trial or change its role there, and the ended memberships kept as
// history. The server checks and audits every change; the account's sessions see it at their next request.
import { Alert, Button, CloseButton, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { isInstanceAdmin } from '@trialdesk/domain';
import { roleLabelKey } from '../../app/layout/role-label';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { common } from '../../i18n/common-messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { MembershipForm } from './membership-form';
import { membershipMessages } from './membership-messages';
import { GeneralError, useInvalidateAdmin, type UserRow } from './user-form-parts';

export function MembershipsSection({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const t = useT(membershipMessages);
  const tc = useT(common);
  const f = useFormat();
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  // What the last change did, said here beside the memberships it changed.
  const [notice, setNotice] = useState<string | null>(null);
  const onDone = setNotice;
  const admin = isInstanceAdmin(user);
  const memberships = useQuery({
    ...trpc.users.memberships.queryOptions({ userId: user.id }),
    enabled: !admin,
  });
  const remove = useMutation(
    trpc.users.removeMembership.mutationOptions({
      onSuccess: (_, input) => {
        invalidate();
        const trial = memberships.data?.find((m) => m.trialId === input.trialId)?.trialCode ?? '';
        onDone(t('membershipEnded', { username: user.username, trial }));
      },
    }),
  );
  const params = { username: user.username };
  const current = memberships.data?.filter((m) => m.endedAt === null) ?? [];
  const ended = memberships.data?.filter((m) => m.endedAt !== null) ?? [];

  return (
    <Section
      title={t('membershipsTitle', params)}
      description={admin ? undefined : t('membershipsIntro', params)}
      actions={<CloseButton aria-label={t('closeMemberships')} onClick={onClose} />}
    >
      {admin ? (
        <Alert color="blue" variant="light">
          {t('adminHasEveryTrial', params)}
        </Alert>
      ) : memberships.isPending ? (
        <PageLoader />
      ) : memberships.isError ? (
        <PageError error={memberships.error} onRetry={() => void memberships.refetch()} />
      ) : (
        <Stack gap="md">
          {notice ? (
            <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
              {notice}
            </Alert>
          ) : null}
          <GeneralError error={remove.error} />
          {current.length === 0 ? (
            <Text size="sm">{t('noMemberships', params)}</Text>
          ) : (
            <ScrollTable>
              <Table verticalSpacing="xs" data-testid="membership-list">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('colTrial')}</Table.Th>
                    <Table.Th scope="col">{t('colRole')}</Table.Th>
                    <Table.Th scope="col">{t('colCentre')}</Table.Th>
                    <Table.Th scope="col">{t('colSince')}</Table.Th>
                    <Table.Th scope="col">
                      <VisuallyHidden>{t('endMembership')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {current.map((m) => (
                    <Table.Tr key={m.id}>
                      <Table.Th scope="row">{m.trialCode}</Table.Th>
                      <Table.Td>{tc(roleLabelKey[m.role])}</Table.Td>
                      <Table.Td>{m.centre ?? '–'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.timestamp(m.createdAt)}</Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          loading={remove.isPending && remove.variables.trialId === m.trialId}
                          aria-label={t('endMembershipLabel', { ...params, trial: m.trialCode })}
                          onClick={() => remove.mutate({ userId: user.id, trialId: m.trialId })}
                        >
                          {t('endMembership')}
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          )}
          <MembershipForm user={user} current={current} onDone={onDone} />
          {ended.length > 0 ? (
            <Stack gap={4}>
              <Text size="sm" fw={600}>
                {t('history')}
              </Text>
              {ended.map((m) => (
                <Group key={m.id} gap="xs" wrap="wrap">
                  <Text size="sm">
                    {m.trialCode}: {tc(roleLabelKey[m.role])}
                    {m.centre ? ` (${m.centre})` : ''}, {f.timestamp(m.createdAt)} –{' '}
                    {f.timestamp(m.endedAt ?? '')}
                  </Text>
                  {m.endedBy ? (
                    <Text size="xs" c="dimmed">
                      {t('endedBy', { who: m.endedBy })}
                    </Text>
                  ) : null}
                </Group>
              ))}
            </Stack>
          ) : null}
        </Stack>
      )}
    </Section>
  );
}

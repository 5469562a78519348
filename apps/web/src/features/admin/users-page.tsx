// Users (administrators only): every account with its role, centre and state, and the actions on it.
// Accounts are never deleted; each change goes through a dialog that says what it will do. Below the list,
// the trial memberships of the account chosen with its "Trials" button.
import { Alert, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState, type ReactElement } from 'react';
import { roleLabelKey } from '../../app/layout/role-label';
import { useSession } from '../../app/session';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { ScrollTable } from '../../components/scroll-table';
import { Section } from '../../components/section';
import { common } from '../../i18n/common-messages';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { ActivationDialog, ResetPasswordDialog } from './account-dialogs';
import { CreateUserDialog } from './create-user-dialog';
import { EditUserDialog } from './edit-user-dialog';
import { MembershipsSection } from './memberships-section';
import { membershipMessages } from './membership-messages';
import { messages } from './messages';
import type { UserRow } from './user-form-parts';

type Dialog = { kind: 'create' } | { kind: 'edit' | 'reset' | 'activation'; user: UserRow } | null;

export default function UsersPage() {
  const t = useT(messages);
  const tc = useT(common);
  const f = useFormat();
  const trpc = useTRPC();
  const me = useSession();
  const users = useQuery(trpc.users.list.queryOptions());
  const centres = useQuery(trpc.users.centres.queryOptions());
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const tm = useT(membershipMessages);
  const [membersOf, setMembersOf] = useState<number | null>(null);
  const membersUser = users.data?.find((u) => u.id === membersOf);
  const centreList = centres.data ?? [];
  const centreName = (code: string | null) =>
    code ? (centreList.find((c) => c.code === code)?.name ?? code) : '–';
  const done = (message: string) => {
    setDialog(null);
    setNotice(message);
  };
  const close = () => setDialog(null);

  return (
    <>
      <PageHeader
        title={t('usersTitle')}
        subtitle={t('usersSubtitle')}
        actions={
          <Button onClick={() => setDialog({ kind: 'create' })} disabled={!centres.data}>
            {t('createUser')}
          </Button>
        }
      />
      <Stack gap="md">
        {notice ? (
          <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        ) : null}
        {users.isPending ? (
          <PageLoader />
        ) : users.isError ? (
          <PageError error={users.error} onRetry={() => void users.refetch()} />
        ) : (
          <Section title={t('usersCaption', { count: users.data.length })}>
            <ScrollTable>
              <Table
                striped
                highlightOnHover
                verticalSpacing="xs"
                data-testid="user-list"
                className="stacked"
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('colUsername')}</Table.Th>
                    <Table.Th scope="col">{t('colName')}</Table.Th>
                    <Table.Th scope="col">{t('colRole')}</Table.Th>
                    <Table.Th scope="col">{t('colCentre')}</Table.Th>
                    <Table.Th scope="col">{t('colStatus')}</Table.Th>
                    <Table.Th scope="col">{t('colLastLogin')}</Table.Th>
                    <Table.Th scope="col">{t('colActions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {users.data.map((u) => {
                    const own = u.id === me.id;
                    const params = { username: u.username };
                    return (
                      <Table.Tr key={u.id}>
                        <Table.Th scope="row">
                          <Text fw={600} size="sm" ff="monospace">
                            {u.username}
                          </Text>
                          {own ? (
                            <Text size="xs" c="dimmed">
                              ({t('you')})
                            </Text>
                          ) : null}
                        </Table.Th>
                        <Table.Td data-label={t('colName')}>{u.displayName}</Table.Td>
                        <Table.Td data-label={t('colRole')}>{tc(roleLabelKey[u.role])}</Table.Td>
                        <Table.Td data-label={t('colCentre')}>{centreName(u.centre)}</Table.Td>
                        <Table.Td data-label={t('colStatus')} style={{ whiteSpace: 'nowrap' }}>
                          <Badge
                            color={u.active ? 'teal' : 'gray'}
                            variant="light"
                            styles={{ root: { overflow: 'visible' }, label: { overflow: 'visible' } }}
                          >
                            {u.active ? t('active') : t('deactivated')}
                          </Badge>
                          {u.active && u.mustChangePassword ? (
                            <Text size="xs" c="dimmed" mt={2}>
                              {t('mustChangePassword')}
                            </Text>
                          ) : null}
                        </Table.Td>
                        <Table.Td data-label={t('colLastLogin')} style={{ whiteSpace: 'nowrap' }}>
                          {u.lastLoginAt ? f.timestamp(u.lastLoginAt) : t('never')}
                        </Table.Td>
                        <Table.Td data-label={t('colActions')}>
                          <Group gap="xs" wrap="wrap">
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={t('editLabel', params)}
                              onClick={() => setDialog({ kind: 'edit', user: u })}
                            >
                              {t('edit')}
                            </Button>
                            <Button
                              size="xs"
                              variant="light"
                              aria-label={tm('membershipsLabel', params)}
                              aria-expanded={membersOf === u.id}
                              onClick={() => setMembersOf(membersOf === u.id ? null : u.id)}
                            >
                              {tm('memberships')}
                            </Button>
                            <OwnAccountGuard own={own}>
                              <Button
                                size="xs"
                                variant="light"
                                disabled={own}
                                aria-label={t('resetLabel', params)}
                                onClick={() => setDialog({ kind: 'reset', user: u })}
                              >
                                {t('resetPassword')}
                              </Button>
                            </OwnAccountGuard>
                            <OwnAccountGuard own={own}>
                              <Button
                                size="xs"
                                variant="light"
                                color={u.active ? 'red' : 'teal'}
                                disabled={own}
                                aria-label={
                                  u.active ? t('deactivateLabel', params) : t('reactivateLabel', params)
                                }
                                onClick={() => setDialog({ kind: 'activation', user: u })}
                              >
                                {u.active ? t('deactivate') : t('reactivate')}
                              </Button>
                            </OwnAccountGuard>
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </ScrollTable>
          </Section>
        )}
        {membersUser ? (
          <MembershipsSection key={membersUser.id} user={membersUser} onClose={() => setMembersOf(null)} />
        ) : null}
      </Stack>

      {dialog?.kind === 'create' ? (
        <CreateUserDialog centres={centreList} onClose={close} onDone={done} />
      ) : dialog?.kind === 'edit' ? (
        <EditUserDialog user={dialog.user} centres={centreList} onClose={close} onDone={done} />
      ) : dialog?.kind === 'reset' ? (
        <ResetPasswordDialog user={dialog.user} onClose={close} onDone={done} />
      ) : dialog?.kind === 'activation' ? (
        <ActivationDialog user={dialog.user} onClose={close} onDone={done} />
      ) : null}
    </>
  );
}

/** Explains why an action is not offered on the administrator's own account. */
function OwnAccountGuard({ own, children }: { own: boolean; children: ReactElement }) {
  const t = useT(messages);
  if (!own) return children;
  return (
    <Tooltip label={t('ownAccountHint')}>
      <span>{children}</span>
    </Tooltip>
  );
}

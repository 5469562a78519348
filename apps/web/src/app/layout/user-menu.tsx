import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { common } from '../../i18n/common-messages';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { useSession } from '../session';
import { roleLabelKey } from './role-label';

/**
 * Who is logged in (name, role, centre) and the way out: in a row in the header on wide screens,
 * stacked in the navigation drawer on phones, where the header has no room for it.
 */
export function UserMenu({ layout = 'row' }: { layout?: 'row' | 'stacked' }) {
  const user = useSession();
  const t = useT(common);
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const logout = useMutation(
    trpc.auth.logout.mutationOptions({
      onSettled: () => {
        // Whatever the server answered, nothing of this session may stay in the cache.
        queryClient.clear();
        void navigate('/login', { replace: true });
      },
    }),
  );
  const who = (
    <>
      <Text size="sm" fw={600} lh={1.3} data-testid="user-name">
        {user.displayName}
      </Text>
      <Group gap={4} wrap="nowrap">
        <Badge size="xs" variant="light" radius="sm">
          {t(roleLabelKey[user.role])}
        </Badge>
        {user.centre ? (
          <Badge size="xs" variant="outline" radius="sm" color="gray">
            {user.centre}
          </Badge>
        ) : null}
      </Group>
    </>
  );
  const logOut = (
    <Button
      size="xs"
      variant="default"
      onClick={() => logout.mutate()}
      loading={logout.isPending}
      fullWidth={layout === 'stacked'}
    >
      {t('logout')}
    </Button>
  );
  if (layout === 'stacked')
    return (
      <Stack gap="xs" aria-label={t('signedInAs', { name: user.displayName })}>
        <Stack gap={2}>{who}</Stack>
        {logOut}
      </Stack>
    );
  return (
    <Group gap="sm" wrap="nowrap">
      <Stack gap={0} align="flex-end" aria-label={t('signedInAs', { name: user.displayName })}>
        {who}
      </Stack>
      {logOut}
    </Group>
  );
}

// The bell in the header: how many notifications are unread, and the newest few in a menu. Read afresh every
// 30 seconds and whenever the window regains focus, so a new query shows without a reload.
import { ActionIcon, Anchor, Button, Group, Indicator, Menu, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

export function NotificationBell() {
  const t = useT(messages);
  const fmt = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery({
    ...trpc.notifications.list.queryOptions({ limit: 8 }),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];
  // The menu's target is the button itself: Menu.Target gives its child aria-haspopup and aria-expanded,
  // which a plain div (the Indicator) may not carry (axe: aria-allowed-attr).
  return (
    <Indicator label={unread > 99 ? '99+' : unread} size={16} disabled={unread === 0} color="red" offset={4}>
      <Menu position="bottom-end" width={340} shadow="md" withinPortal>
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            size="lg"
            aria-label={t('bell', { n: unread })}
            data-testid="notification-bell"
            data-unread={unread}
          >
            <BellIcon />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Group justify="space-between" px="xs" py={4}>
            <Text fw={600} size="sm">
              {t('recent')}
            </Text>
            <Button
              size="compact-xs"
              variant="subtle"
              disabled={unread === 0}
              onClick={() => markRead.mutate({})}
            >
              {t('markAllRead')}
            </Button>
          </Group>
          <Menu.Divider />
          {items.length === 0 ? (
            <Text size="sm" c="dimmed" px="xs" py="sm">
              {t('none')}
            </Text>
          ) : (
            items.map((n) => (
              <Menu.Item
                key={n.id}
                onClick={() => {
                  if (!n.read) markRead.mutate({ ids: [n.id] });
                  if (n.link) void navigate(n.link);
                }}
              >
                <Stack gap={0}>
                  <Text size="sm" fw={n.read ? 400 : 700}>
                    {n.title}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fmt.timestamp(n.createdAt)}
                  </Text>
                </Stack>
              </Menu.Item>
            ))
          )}
          <Menu.Divider />
          <Anchor component={Link} to="/notifications" size="sm" px="xs" py={4} display="block">
            {t('seeAll')}
          </Anchor>
        </Menu.Dropdown>
      </Menu>
    </Indicator>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

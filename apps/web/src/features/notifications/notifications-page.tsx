// Every notification of the logged-in user, newest first, with a way to open each and mark it read.
import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

export default function NotificationsPage() {
  const t = useT(messages);
  const fmt = useFormat();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const list = useQuery(trpc.notifications.list.queryOptions({ limit: 200 }));
  const markRead = useMutation(
    trpc.notifications.markRead.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.notifications.pathFilter()),
    }),
  );
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <PageError error={list.error} />;
  const { items, unread } = list.data;
  return (
    <>
      <PageHeader title={t('pageTitle')} subtitle={t('pageSubtitle')} />
      <Group justify="space-between" mb="sm">
        <Text size="sm" data-testid="unread-count">
          {t('unreadCount', { n: unread })}
        </Text>
        <Button size="xs" variant="default" disabled={unread === 0} onClick={() => markRead.mutate({})}>
          {t('markAllRead')}
        </Button>
      </Group>
      {items.length === 0 ? (
        <Text c="dimmed">{t('none')}</Text>
      ) : (
        <Stack gap="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
          {items.map((n) => (
            <Paper component="li" key={n.id} withBorder p="sm" radius="sm" data-notification-kind={n.kind}>
              <Group justify="space-between" align="flex-start" wrap="nowrap">
                <Stack gap={4}>
                  <Group gap="xs">
                    {n.read ? null : (
                      <Badge size="xs" color="red" variant="light">
                        {t('unread')}
                      </Badge>
                    )}
                    <Text fw={600} size="sm">
                      {n.title}
                    </Text>
                  </Group>
                  <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                    {n.body}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {fmt.timestamp(n.createdAt)}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="nowrap">
                  {n.link ? (
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => {
                        if (!n.read) markRead.mutate({ ids: [n.id] });
                        void navigate(n.link!);
                      }}
                    >
                      {t('open')}
                    </Button>
                  ) : null}
                  {n.read ? null : (
                    <Button size="xs" variant="default" onClick={() => markRead.mutate({ ids: [n.id] })}>
                      {t('markRead')}
                    </Button>
                  )}
                </Group>
              </Group>
            </Paper>
          ))}
        </Stack>
      )}
    </>
  );
}

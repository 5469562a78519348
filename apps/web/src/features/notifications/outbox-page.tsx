// The mail outbox (administrators): every mail Trialdesk meant to send, what happened to it, and, in demo
// mode (no SMTP_URL), the mails themselves, so that nothing silently disappears.
import { Alert, Badge, Button, Group, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ExpandableTable } from '../../components/expandable-table';
import { PageHeader } from '../../components/page-header';
import { PageError, PageLoader } from '../../components/page-state';
import { useFormat, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

const statuses = ['pending', 'sending', 'sent', 'failed'] as const;
type Status = (typeof statuses)[number];
const statusColor: Record<Status, string> = {
  pending: 'gray',
  sending: 'blue',
  sent: 'green',
  failed: 'red',
};

export default function OutboxPage() {
  const t = useT(messages);
  const fmt = useFormat();
  const trpc = useTRPC();
  const [status, setStatus] = useState<Status | 'all'>('all');
  const [before, setBefore] = useState<number | undefined>(undefined);
  // On a phone the five choices do not fit side by side ("Wordt verstuurd" in Dutch): they stack.
  const narrow = useMediaQuery('(max-width: 40em)');
  const box = useQuery(
    trpc.notifications.outbox.queryOptions({
      limit: 50,
      ...(status === 'all' ? {} : { status }),
      ...(before ? { before } : {}),
    }),
  );
  if (box.isPending) return <PageLoader />;
  if (box.isError) return <PageError error={box.error} />;
  const { items, counts, delivery } = box.data;
  return (
    <>
      <PageHeader title={t('outboxTitle')} subtitle={t('outboxSubtitle')} />
      <Stack gap="md">
        <Alert color={delivery === 'outbox' ? 'orange' : 'blue'} variant="light" data-testid="mail-delivery">
          {t(delivery === 'outbox' ? 'demoMode' : 'smtpMode')}
        </Alert>
        <Group justify="space-between">
          <SegmentedControl
            aria-label={t('filterStatus')}
            orientation={narrow ? 'vertical' : 'horizontal'}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setBefore(undefined);
            }}
            data={[
              { value: 'all', label: t('all') },
              ...statuses.map((s) => ({ value: s, label: t(`status_${s}`) })),
            ]}
          />
          <Text size="sm">{t('counts', counts)}</Text>
        </Group>
        {items.length === 0 ? (
          <Text c="dimmed">{t('noMail')}</Text>
        ) : (
          <ExpandableTable
            rows={items}
            rowKey={(m) => m.id}
            rowTestId="outbox-row"
            opener={{ header: t('colSubject'), text: (m) => m.subject, wrap: true }}
            columns={[
              { header: t('colCreated'), cell: (m) => fmt.timestamp(m.createdAt) },
              { header: t('colTo'), cell: (m) => m.to, wrap: true },
              {
                header: t('colStatus'),
                cell: (m) => (
                  <div>
                    <Badge color={statusColor[m.status]} variant="light">
                      {t(`status_${m.status}`)}
                    </Badge>
                    {m.lastError ? (
                      <Text size="xs" c="red.8">
                        {t('lastError', { error: m.lastError })}
                      </Text>
                    ) : null}
                  </div>
                ),
              },
              { header: t('colAttempts'), cell: (m) => fmt.number(m.attempts), align: 'right' },
            ]}
            detail={(m) => (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="outbox-body">
                {m.body}
              </Text>
            )}
          />
        )}
        {items.length === 50 ? (
          <Button variant="default" w="fit-content" onClick={() => setBefore(items.at(-1)!.id)}>
            {t('olderMails')}
          </Button>
        ) : null}
      </Stack>
    </>
  );
}

// The audit chain's state in one badge: verified with its row count, or broken at a named row.
import { Badge, Group, Loader, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

export function ChainStatus() {
  const t = useT(messages);
  const trpc = useTRPC();
  const verify = useQuery(trpc.audit.verify.queryOptions());
  if (verify.isPending)
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm">{t('chainChecking')}</Text>
      </Group>
    );
  if (verify.isError)
    return (
      <Badge color="orange" variant="light" size="lg" role="status">
        {t('chainUnknown')}
      </Badge>
    );
  const v = verify.data;
  if (v.ok)
    return (
      <Badge color="teal" variant="light" size="lg" role="status" data-testid="chain-status" tt="none">
        {t('chainVerified', { rows: v.rows })}
      </Badge>
    );
  const row = v.brokenAt ?? v.rows + 1;
  return (
    <Group gap="sm" role="alert" data-testid="chain-status">
      <Badge color="red" variant="filled" size="lg" tt="none">
        {t('chainBroken', { row })}
      </Badge>
      <Text size="sm" c="red.8">
        {t('chainBrokenDetail', { row, rows: v.rows, problem: t(`problem_${v.problem ?? 'chain_broken'}`) })}
      </Text>
    </Group>
  );
}

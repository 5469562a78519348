// The audit chain's state in one badge: verified with its row count, or broken, with every broken link.
import { Badge, Group, List, Loader, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';

/** Broken links named on the page; the API lists up to 100 and counts all. */
const LISTED = 20;

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
  const breaks = (v.breaks ?? []).slice(0, LISTED);
  const more = (v.breakCount ?? breaks.length) - breaks.length;
  return (
    <Stack gap={4} role="alert" data-testid="chain-status">
      <Group gap="sm">
        <Badge color="red" variant="filled" size="lg" tt="none">
          {t('chainBroken', { row })}
        </Badge>
        <Text size="sm" c="red.8">
          {t('chainBrokenDetail', {
            row,
            rows: v.rows,
            problem: t(`problem_${v.problem ?? 'chain_broken'}`),
          })}
        </Text>
      </Group>
      {/* Every broken link, not only the first: a later edit must not hide behind an earlier break. */}
      <Text size="sm" c="red.8">
        {t('chainBreakCount', { count: v.breakCount ?? breaks.length, total: v.total })}
      </Text>
      <List size="sm" c="red.8" data-testid="chain-breaks">
        {breaks.map((b) => (
          <List.Item key={`${b.seq}-${b.problem}`}>
            {t('chainBreakRow', { row: b.seq, problem: t(`problem_${b.problem}`) })}
          </List.Item>
        ))}
      </List>
      {more > 0 && <Text size="sm">{t('chainBreaksMore', { count: more })}</Text>}
    </Stack>
  );
}

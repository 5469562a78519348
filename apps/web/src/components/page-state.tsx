// Loading, error and refusal states, in words. An API error shows the server's reason, translated.
import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { common } from '../i18n/common-messages';
import { useLang, useT } from '../i18n/i18n-context';
import { describeError, errorCode } from '../lib/errors';

export function PageLoader() {
  const t = useT(common);
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="md" aria-hidden />
      <Text ml="sm" c="dimmed">
        {t('loading')}
      </Text>
    </Center>
  );
}

/** An error from the API: refusals (403) read as such, other errors offer a retry. */
export function PageError({
  error,
  onRetry,
  title,
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  const t = useT(common);
  const { lang } = useLang();
  const code = errorCode(error);
  const refused = code === 'FORBIDDEN' || code === 'NOT_FOUND';
  return (
    <Alert
      role="alert"
      color={refused ? 'orange' : 'red'}
      variant="light"
      title={title ?? (code === 'FORBIDDEN' ? t('notForRoleTitle') : t('errorTitle'))}
      my="md"
    >
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{describeError(error, lang)}</Text>
        {onRetry && !refused ? (
          <Button size="xs" variant="light" onClick={onRetry}>
            {t('retry')}
          </Button>
        ) : null}
      </Stack>
    </Alert>
  );
}

/**
 * A query's three states in one place: the loader while it runs, the error (with a retry unless `retry` is
 * false) when it failed, else `children` with its data.
 */
export function QueryView<T, E>({
  query,
  retry = true,
  children,
}: {
  query: UseQueryResult<T, E>;
  retry?: boolean;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return <PageError error={query.error} {...(retry ? { onRetry: () => void query.refetch() } : {})} />;
  return <>{children(query.data)}</>;
}

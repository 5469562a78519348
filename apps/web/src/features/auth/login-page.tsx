// The login page. A failed login says only "wrong username or password" (never which one), or that the
// account or address is temporarily blocked after too many failures.
import {
  Alert,
  Box,
  Button,
  Center,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { LanguageSwitch } from '../../app/layout/language-switch';
import { common } from '../../i18n/common-messages';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { safeNext } from './safe-next';

export function LoginPage() {
  const t = useT(messages);
  const tc = useT(common);
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);

  const login = useMutation(
    trpc.auth.login.mutationOptions({
      onSuccess: (user) => {
        queryClient.clear();
        queryClient.setQueryData(trpc.auth.me.queryKey(), user);
        // A password an administrator set is changed first; the session opens nothing else until then.
        void navigate(user.mustChangePassword ? '/account' : safeNext(params.get('next')), { replace: true });
      },
      onError: () => setPassword(''),
    }),
  );

  // Someone who is still logged in does not need this page.
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { retry: false, staleTime: 0 }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate({ username: username.trim(), password });
  };

  if (me.isSuccess && !login.isPending) return <Navigate to={safeNext(params.get('next'))} replace />;

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitch />
      </Group>
      <Center px="md">
        <Paper component="main" withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <div>
                <Text fw={700} c="trialBlue.9" size="lg">
                  {tc('appName')}
                </Text>
                <Title order={1} size="h2">
                  {t('title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('intro')}
                </Text>
              </div>
              {login.isError ? (
                <Alert color="red" variant="light" role="alert" title={t('failedTitle')}>
                  {describeError(login.error, lang)}
                </Alert>
              ) : missing ? (
                <Alert color="orange" variant="light" role="alert">
                  {t('required')}
                </Alert>
              ) : null}
              <TextInput
                label={t('username')}
                name="username"
                autoComplete="username"
                autoCapitalize="none"
                spellCheck={false}
                required
                value={username}
                onChange={(e) => setUsername(e.currentTarget.value)}
                data-autofocus
              />
              <PasswordInput
                label={t('password')}
                name="password"
                autoComplete="current-password"
                required
                value={password}
                onChange={(e) => setPassword(e.currentTarget.value)}
              />
              <Button type="submit" loading={login.isPending} fullWidth>
                {t('submit')}
              </Button>
            </Stack>
          </form>
        </Paper>
      </Center>
    </Box>
  );
}

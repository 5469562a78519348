// The chair signs a draft meeting record by re-entering their password (the server checks it, and a wrong
// one counts as a failed login).
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLang, useT } from '../../../i18n/i18n-context';
import { apiErrorData, describeError } from '../../../lib/errors';
import { useTRPC } from '../../../lib/trpc';
import { messages } from './messages';

export function SignMeeting({ trialId, meetingId }: { trialId: string; meetingId: number }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const sign = useMutation(
    trpc.committee.meetings.sign.mutationOptions({
      onSuccess: () => {
        setPassword('');
        void qc.invalidateQueries(trpc.committee.meetings.pathFilter());
      },
    }),
  );
  const fields = apiErrorData(sign.error)?.fields ?? {};
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('sign')}
      </Button>
    );
  const submit = (e: FormEvent) => {
    e.preventDefault();
    sign.mutate({ trialId, meetingId, password });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('sign')}>
      <Stack gap={6}>
        <Text size="xs" c="dimmed">
          {t('passwordHint')}
        </Text>
        <Group align="flex-end" wrap="wrap">
          <PasswordInput
            label={t('password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={fields.password?.join(' ')}
            autoComplete="current-password"
            w={{ base: '100%', sm: 240 }}
          />
          <Button type="submit" size="sm" loading={sign.isPending}>
            {t('sign')}
          </Button>
          <Button size="sm" variant="default" onClick={() => setOpen(false)}>
            {t('cancel')}
          </Button>
        </Group>
        {sign.isError && Object.keys(fields).length === 0 ? (
          <Alert color="red" role="alert">
            {describeError(sign.error, lang)}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}

// An administrator raises the recruitment target, with a reason (audited with the value before and after).
import { Button, Group, NumberInput, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { messages } from './messages';
import { messageFor, numberOrNull, serverFields } from './field-errors';

export function TargetSetting({ trialId, target }: { trialId: string; target: number }) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [value, setValue] = useState<number | string>(target + 1);
  const [reason, setReason] = useState('');
  const raise = useMutation(
    trpc.trials.setTarget.mutationOptions({
      onSuccess: () => {
        void queryClient.invalidateQueries(trpc.overview.pathFilter());
        void queryClient.invalidateQueries(trpc.trials.pathFilter());
      },
    }),
  );
  const errors = serverFields(raise.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    raise.mutate({ trialId, target: numberOrNull(value) ?? 0, reason });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('raiseTarget')}>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NumberInput
          label={t('newTarget')}
          value={value}
          onChange={setValue}
          allowDecimal={false}
          min={1}
          error={messageFor(errors, 'target')}
          w={140}
        />
        <TextInput
          label={t('reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={
            messageFor(errors, 'reason') ??
            (raise.isError && !Object.keys(errors).length ? describeError(raise.error, lang) : undefined)
          }
          w={{ base: '100%', sm: 320 }}
        />
        <Button type="submit" variant="light" loading={raise.isPending}>
          {t('raiseTarget')}
        </Button>
        {raise.isSuccess ? (
          <span role="status">{t('targetRaised', { target: raise.data.target })}</span>
        ) : null}
      </Group>
    </form>
  );
}

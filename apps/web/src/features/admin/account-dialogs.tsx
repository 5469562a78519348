// The two confirmations that end sessions: a password reset (new password typed twice) and a
// deactivation, plus reactivation. Each says plainly what will happen before it is confirmed.
import { Modal, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { checkAccount, hasProblems, type FieldProblems } from './account-form';
import { messages } from './messages';
import {
  DialogButtons,
  GeneralError,
  limits,
  useFieldErrors,
  useInvalidateAdmin,
  type UserRow,
} from './user-form-parts';

export function ResetPasswordDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserRow;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT(messages);
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  const [values, setValues] = useState({ password: '', confirm: '' });
  // The value is read from the event while it is being handled: React clears `currentTarget` once the
  // handler returns, and a state updater runs later (reading it there crashed on the first key press).
  const set = (changes: Partial<typeof values>) => setValues((v) => ({ ...v, ...changes }));
  const [local, setLocal] = useState<FieldProblems>({});
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: (result) => {
        invalidate();
        onDone(t('passwordReset', { username: user.username, sessions: result.sessionsEnded }));
      },
    }),
  );
  const fieldError = useFieldErrors(local, reset.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkAccount(values);
    setLocal(problems);
    if (hasProblems(problems)) return;
    reset.mutate({ userId: user.id, newPassword: values.password });
  };
  return (
    <Modal opened onClose={onClose} title={t('resetTitle', { username: user.username })} size="md">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('resetWarning', { username: user.username })}</Text>
          <GeneralError error={reset.error} />
          <PasswordInput
            label={t('newPassword')}
            description={t('passwordHint', limits)}
            value={values.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={fieldError('password')}
            autoComplete="new-password"
            required
            data-autofocus
          />
          <PasswordInput
            label={t('confirmPassword')}
            value={values.confirm}
            onChange={(e) => set({ confirm: e.currentTarget.value })}
            error={fieldError('confirm')}
            autoComplete="new-password"
            required
          />
          <DialogButtons onCancel={onClose} submit={t('resetPassword')} pending={reset.isPending} danger />
        </Stack>
      </form>
    </Modal>
  );
}

/** Deactivate or reactivate, after saying plainly what happens. */
export function ActivationDialog({
  user,
  onClose,
  onDone,
}: {
  user: UserRow;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const t = useT(messages);
  const trpc = useTRPC();
  const invalidate = useInvalidateAdmin();
  const deactivating = user.active;
  const options = {
    onSuccess: (result: { sessionsEnded: number }) => {
      invalidate();
      const params = { username: user.username, sessions: result.sessionsEnded };
      onDone(deactivating ? t('deactivatedDone', params) : t('reactivatedDone', params));
    },
  };
  const deactivate = useMutation(trpc.users.deactivate.mutationOptions(options));
  const reactivate = useMutation(trpc.users.reactivate.mutationOptions(options));
  const current = deactivating ? deactivate : reactivate;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    current.mutate({ userId: user.id });
  };
  const params = { username: user.username };
  return (
    <Modal
      opened
      onClose={onClose}
      title={deactivating ? t('deactivateTitle', params) : t('reactivateTitle', params)}
      size="md"
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{deactivating ? t('deactivateText', params) : t('reactivateText', params)}</Text>
          <GeneralError error={current.error} />
          <DialogButtons
            onCancel={onClose}
            submit={deactivating ? t('deactivate') : t('reactivate')}
            pending={current.isPending}
            danger={deactivating}
          />
        </Stack>
      </form>
    </Modal>
  );
}

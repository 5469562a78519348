// Lifting a lock: the data manager types why (kept with the lock and in the audit trail).
import { Alert, Button, Group, Stack, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { unlockInput } from '@trialdesk/domain';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { useEntryForm } from '../entry/use-entry-form';
import { messages } from './messages';

export function UnlockForm({
  lockId,
  onDone,
  onCancel,
}: {
  lockId: number;
  onDone: (lockId: number) => void;
  onCancel: () => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const unlock = useMutation(
    trpc.locks.unlock.mutationOptions({
      onSuccess: (r) => {
        void qc.invalidateQueries(trpc.locks.pathFilter());
        onDone(r.lockId);
      },
    }),
  );
  const form = useEntryForm(unlockInput, unlock, {
    initial: { reason: '' },
    toInput: ({ reason }) => ({ lockId, reason }),
  });
  return (
    <form noValidate onSubmit={form.submit} aria-label={t('unlockLabel', { id: lockId })}>
      <Stack gap="xs">
        <Textarea
          label={t('unlockReason')}
          value={form.values.reason}
          onChange={(e) => form.set({ reason: e.currentTarget.value })}
          error={form.message('reason')}
          autosize
          minRows={2}
          maxLength={500}
          data-autofocus
        />
        {form.error && !form.message('reason') ? (
          <Alert color="red" role="alert">
            {describeError(form.error, lang)}
          </Alert>
        ) : null}
        <Group gap="xs">
          <Button type="submit" size="xs" color="orange" loading={form.pending}>
            {t('unlockSubmit')}
          </Button>
          <Button size="xs" variant="subtle" onClick={onCancel}>
            {t('cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

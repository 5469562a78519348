// Void a wrong record with a reason: it stays, struck through, and stops counting.
import { Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { voidInput } from '@trialdesk/domain';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { CorrectionTarget } from './corrections-form';
import { EntryDialog, useAfterWrite, type EntryDialogProps } from './entry-dialog';
import { messages } from './messages';
import { useEntryForm } from './use-entry-form';

export function VoidDialog({
  trialId,
  target,
  what,
  onClose,
  onDone,
}: EntryDialogProps & { target: CorrectionTarget; what: string }) {
  const t = useT(messages);
  const trpc = useTRPC();
  const done = useAfterWrite(onDone);
  const save = useMutation(
    trpc.entry.corrections.void.mutationOptions({
      onSuccess: () => done(t('voidedDone')),
    }),
  );
  const form = useEntryForm(voidInput, save, {
    initial: { reason: '' },
    toInput: (v) => ({ trialId, target, reason: v.reason }),
  });
  return (
    <EntryDialog
      title={t('voidTitle', { what })}
      onClose={onClose}
      form={form}
      placed={['reason', 'target']}
      submitLabel={t('void')}
      danger
    >
      <Text size="sm">{t('voidText')}</Text>
      <Textarea
        label={t('voidReason')}
        value={form.values.reason}
        onChange={(e) => form.set({ reason: e.currentTarget.value })}
        error={form.message('reason') ?? form.message('target')}
        required
        autosize
        minRows={2}
        data-autofocus
      />
    </EntryDialog>
  );
}

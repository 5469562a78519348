// Void a wrong record with a reason: it stays, struck through, and stops counting.
import { Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { voidInput } from '@trialdesk/domain';
import { useState } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import type { CorrectionTarget } from './corrections-form';
import { EntryDialog, useAfterWrite } from './entry-dialog';
import { checkWith, combine, hasErrors, messageFor, serverFields, type FieldErrors } from './field-errors';
import { messages } from './messages';

export function VoidDialog({
  trialId,
  target,
  what,
  onClose,
  onDone,
}: {
  trialId: string;
  target: CorrectionTarget;
  what: string;
  onClose: () => void;
  onDone: (text: string, warning?: boolean) => void;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const trpc = useTRPC();
  const afterWrite = useAfterWrite();
  const [reason, setReason] = useState('');
  const [local, setLocal] = useState<FieldErrors>({});
  const save = useMutation(
    trpc.entry.corrections.void.mutationOptions({
      onSuccess: () => {
        afterWrite();
        onDone(t('voidedDone'));
      },
    }),
  );
  const errors = combine(local, serverFields(save.error));
  const submit = () => {
    const input = { trialId, target, reason };
    const problems = checkWith(voidInput, input, lang);
    setLocal(problems);
    if (!hasErrors(problems)) save.mutate(input);
  };
  return (
    <EntryDialog
      title={t('voidTitle', { what })}
      onClose={onClose}
      onSubmit={submit}
      pending={save.isPending}
      error={save.error}
      errors={errors}
      placed={['reason', 'target']}
      submitLabel={t('void')}
      danger
    >
      <Text size="sm">{t('voidText')}</Text>
      <Textarea
        label={t('voidReason')}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={messageFor(errors, 'reason') ?? messageFor(errors, 'target')}
        required
        autosize
        minRows={2}
        data-autofocus
      />
    </EntryDialog>
  );
}

// A modal form for one data-entry action: the fields, the refusals that belong to no field, and the
// buttons. Field errors are placed by the form itself.
import { Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';
import { useTRPC } from '../../lib/trpc';
import { unplacedMessages } from './field-errors';
import { FormAlerts } from './form-alerts';
import { messages } from './messages';
import type { EntryForm } from './use-entry-form';

export function EntryDialog({
  title,
  onClose,
  form,
  placed,
  submitLabel,
  danger,
  children,
}: {
  title: string;
  onClose: () => void;
  /** The dialog's form (useEntryForm), or a fixed one for a dialog with nothing to send. */
  form: Pick<EntryForm<object>, 'submit' | 'pending' | 'error' | 'errors'>;
  placed: readonly string[];
  submitLabel?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT(messages);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="sm">
          <FormAlerts error={form.error} general={unplacedMessages(form.errors, placed)} />
          {children}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={form.pending} color={danger ? 'red' : undefined}>
              {submitLabel ?? t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** What the record page gives every entry dialog. */
export interface EntryDialogProps {
  trialId: string;
  onClose: () => void;
  /** Saved: the page closes the dialog and shows the text (as a warning for a deviation). */
  onDone: (text: string, warning?: boolean) => void;
}

/** After a write: the participant's page, the dashboards and the worklist read again; then onDone. */
export function useAfterWrite(onDone: EntryDialogProps['onDone']) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return (text: string, warning?: boolean) => {
    for (const filter of [
      trpc.participants.pathFilter(),
      trpc.overview.pathFilter(),
      trpc.followUp.pathFilter(),
      trpc.entry.pathFilter(),
    ])
      void queryClient.invalidateQueries(filter);
    onDone(text, warning);
  };
}

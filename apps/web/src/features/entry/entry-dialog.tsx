// A modal form for one data-entry action: the fields, the refusals that belong to no field, and the
// buttons. Field errors are placed by the form itself.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { hasErrors, serverFields, unplacedMessages } from './field-errors';
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
  const { lang } = useLang();
  const { error, errors } = form;
  const general = unplacedMessages(errors, placed);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={form.submit} noValidate>
        <Stack gap="sm">
          {error && !hasErrors(serverFields(error)) ? (
            <Alert color="red" role="alert">
              {describeError(error, lang)}
            </Alert>
          ) : null}
          {general.map((m) => (
            <Alert key={m} color="red" role="alert">
              {m}
            </Alert>
          ))}
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

/** After a write: the participant's page, the dashboards and the worklist read again. */
export function useAfterWrite() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => {
    for (const filter of [
      trpc.participants.pathFilter(),
      trpc.overview.pathFilter(),
      trpc.followUp.pathFilter(),
      trpc.entry.pathFilter(),
    ])
      void queryClient.invalidateQueries(filter);
  };
}

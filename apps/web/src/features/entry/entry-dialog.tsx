// A modal form for one data-entry action: the fields, the refusals that belong to no field, and the
// buttons. Field errors are placed by the form itself.
import { Alert, Button, Group, Modal, Stack } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import type { FormEvent, ReactNode } from 'react';
import { useLang, useT } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { useTRPC } from '../../lib/trpc';
import { hasErrors, serverFields, unplacedMessages, type FieldErrors } from './field-errors';
import { messages } from './messages';

export function EntryDialog({
  title,
  onClose,
  onSubmit,
  pending,
  error,
  errors,
  placed,
  submitLabel,
  danger,
  children,
}: {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  pending: boolean;
  error: unknown;
  errors: FieldErrors;
  placed: readonly string[];
  submitLabel?: string;
  danger?: boolean;
  children: ReactNode;
}) {
  const t = useT(messages);
  const { lang } = useLang();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  const general = unplacedMessages(errors, placed);
  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} noValidate>
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
            <Button type="submit" loading={pending} color={danger ? 'red' : undefined}>
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

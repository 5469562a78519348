// What a form shows above its fields: the server's refusal when it named no field (in the user's
// language), anything the form adds, then the messages of fields that no input of the form shows.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { useLang } from '../../i18n/i18n-context';
import { describeError } from '../../lib/errors';
import { hasErrors, serverFields } from './field-errors';

export function FormAlerts({
  error,
  general,
  children,
}: {
  error: unknown;
  general: readonly string[];
  children?: ReactNode;
}) {
  const { lang } = useLang();
  return (
    <>
      {error && !hasErrors(serverFields(error)) ? (
        <Alert color="red" role="alert">
          {describeError(error, lang)}
        </Alert>
      ) : null}
      {children}
      {general.map((m) => (
        <Alert key={m} color="red" role="alert">
          {m}
        </Alert>
      ))}
    </>
  );
}

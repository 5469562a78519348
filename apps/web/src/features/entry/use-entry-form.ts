// The one shape of an entry form on the web: values in React state, the request built from them, checked
// in the browser with the same zod schema the server runs, and the server's refusals placed on the same
// fields (the API sends them per dotted path, already in the user's language). Browser problems win until
// the next send; then the server's answer shows. Our own hook rather than @tanstack/react-form: every form
// here checks the *request* (typed numbers and empty text translated first), not the raw field values,
// and the server's per-field errors come from our own tRPC error shape; both fit in a few lines here and
// would need adapters there (README "Entry forms: why our own hook").
import { useRef, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { useLang } from '../../i18n/i18n-context';
import { submitStep } from './entry-form-core';
import { combine, messageFor, serverFields, type FieldErrors } from './field-errors';

/** What the form needs of a TanStack mutation (useMutation's result fits). */
interface FormMutation<I> {
  mutate(input: I, options?: { onSuccess?: () => void; onSettled?: () => void }): void;
  isPending: boolean;
  error: unknown;
}

interface EntryFormOptions<V, I> {
  initial: V | (() => V);
  /** The form's values as the procedure's input. */
  toInput: (values: V) => I;
  /** Checks whose words come before the schema's for the same field (see problemsOf). */
  precheck?: (values: V, input: I) => FieldErrors;
  /** The values after a successful send, for forms that stay open (else unchanged). */
  afterSuccess?: (values: V) => V;
}

export interface EntryForm<V> {
  values: V;
  /** Changes some values (given, or computed from the current values). */
  set: (changes: Partial<V> | ((values: V) => Partial<V>)) => void;
  setValues: (values: V) => void;
  /** The problems shown: the browser's, else the server's. */
  errors: FieldErrors;
  /** The browser's own problems from the last send. */
  local: FieldErrors;
  /** The message for a field and its sub-fields, if any. */
  message: (field: string) => string | undefined;
  /**
   * A control's value, change handler and message for one value: `<DateField {...form.field('cycleDate')} />`.
   * `errorPath` names the request field when it differs from the value's name (flow → flowRateMlDay).
   */
  field: <K extends keyof V & string>(
    key: K,
    errorPath?: string,
  ) => { value: V[K]; onChange: (value: V[K]) => void; error: string | undefined };
  submit: (event?: FormEvent) => void;
  pending: boolean;
  error: unknown;
}

export function useEntryForm<V extends object, I>(
  schema: z.ZodType,
  mutation: FormMutation<I>,
  options: EntryFormOptions<V, I>,
): EntryForm<V> {
  const { lang } = useLang();
  const [values, setValues] = useState<V>(options.initial);
  const [local, setLocal] = useState<FieldErrors>({});
  const busy = useRef(false);
  const errors = combine(local, serverFields(mutation.error));
  const { afterSuccess } = options;
  return {
    values,
    set: (changes) => setValues((v) => ({ ...v, ...(typeof changes === 'function' ? changes(v) : changes) })),
    setValues,
    errors,
    local,
    message: (field) => messageFor(errors, field),
    field: (key, errorPath) => ({
      value: values[key],
      onChange: (value) => setValues((v) => ({ ...v, [key]: value })),
      error: messageFor(errors, errorPath ?? key),
    }),
    submit: (event) => {
      submitStep(
        {
          values,
          schema,
          lang,
          toInput: options.toInput,
          precheck: options.precheck,
          busy,
          isPending: mutation.isPending,
          showProblems: setLocal,
          send: (input, settled) =>
            mutation.mutate(input, {
              ...(afterSuccess ? { onSuccess: () => setValues(afterSuccess) } : {}),
              onSettled: settled,
            }),
        },
        event,
      );
    },
    pending: mutation.isPending,
    error: mutation.error,
  };
}

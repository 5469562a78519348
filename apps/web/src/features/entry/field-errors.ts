// Field errors of an entry form. The browser checks the input with the same zod schema as the server and
// words the issues with the domain's localizeIssues; the server's refusals arrive per field in the same
// dotted paths ('measures.anc.value', 'result.performedDate'), already in the user's language.
import { localizeIssues } from '@trialdesk/domain';
import type { z } from 'zod';
import type { Lang } from '../../i18n/catalogue';
import { apiErrorData } from '../../lib/errors';

export type FieldErrors = Readonly<Record<string, readonly string[]>>;

/** The schema's issues for these values, per field; empty when the values pass. */
export function checkWith(schema: z.ZodType, values: unknown, lang: Lang): FieldErrors {
  const result = schema.safeParse(values);
  return result.success ? {} : localizeIssues(result.error.issues, lang);
}

export function serverFields(error: unknown): FieldErrors {
  return apiErrorData(error)?.fields ?? {};
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/**
 * The message for one field: its own messages, and those of its sub-fields (a refusal of 'pump.date'
 * belongs to the pump date input, one of 'pump' to the whole pump choice).
 */
export function messageFor(errors: FieldErrors, field: string): string | undefined {
  const own = errors[field] ?? [];
  const nested = Object.entries(errors)
    .filter(([key]) => key.startsWith(`${field}.`))
    .flatMap(([, m]) => m);
  const all = [...own, ...nested];
  return all.length ? [...new Set(all)].join(' ') : undefined;
}

/** Messages no input of the form shows (e.g. '_' for the whole input), to show above the form. */
export function unplacedMessages(errors: FieldErrors, placed: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([key]) => !placed.some((p) => key === p || key.startsWith(`${p}.`)))
    .flatMap(([, m]) => m);
}

/** Browser values first, else the server's: after a refusal the form shows what the server said. */
export function combine(local: FieldErrors, server: FieldErrors): FieldErrors {
  return hasErrors(local) ? local : server;
}

/** A number typed in a Mantine NumberInput ('' when empty) as the schema expects it. */
export function numberOrNull(value: number | string): number | null {
  if (value === '' || value === '-') return null;
  const n = typeof value === 'number' ? value : Number(value.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

/** Free text: trimmed, and null when empty, as the schemas expect optional text. */
export function textOrNull(value: string): string | null {
  const v = value.trim();
  return v === '' ? null : v;
}

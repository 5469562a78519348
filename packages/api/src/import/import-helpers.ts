// Helpers shared by the parts of an import that run use cases: the context, the input check, and a
// refusal put on the report where it belongs.
import { localizeIssues, type Lang, type TrialDefinition } from '@trialdesk/domain';
import type { Db } from '@trialdesk/db';
import type { ZodType } from 'zod';
import { AppError } from '../errors.js';
import type { UseCaseDeps } from '../use-cases/deps.js';
import type { FieldValue } from './plan-records.js';
import type { ImportField, ImportRow } from './report.js';

export interface SubjectContext {
  deps: UseCaseDeps;
  trx: Db;
  def: TrialDefinition;
  reason: string;
}

export const show = (v: unknown): string =>
  v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v);

/** The input of a use case, checked by its own schema first (as the API does), in the user's words. */
export function parseInput<T>(lang: Lang, schema: ZodType<T>, input: unknown): T {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const fields = localizeIssues(r.error.issues, lang);
  throw new AppError('BAD_REQUEST', 'input.invalid', Object.values(fields).flat().join('; '), { fields });
}

/**
 * Puts a use case's refusal on the report: a message naming a field goes to that field's line (the input's
 * path ends with the field, or names its alias), the rest to the row.
 */
export function refuse(row: ImportRow, error: unknown, aliases: Record<string, string> = {}): void {
  row.action = 'refused';
  if (!(error instanceof AppError)) {
    row.messages.push(error instanceof Error ? error.message : String(error));
    return;
  }
  if (!error.fields || Object.keys(error.fields).length === 0) {
    row.messages.push(error.message);
    return;
  }
  for (const [path, messages] of Object.entries(error.fields)) {
    const last = path.split('.').at(-1) ?? path;
    const name = aliases[path] ?? aliases[last] ?? last;
    const f = row.fields.find((x) => x.field === name || x.field === `eligibility.${name}`);
    if (f) {
      f.status = 'refused';
      f.message = [f.message, ...messages].filter(Boolean).join('; ');
    } else row.messages.push(`${path}: ${messages.join('; ')}`);
  }
}

export function fieldLines(fields: Map<string, FieldValue>, prefix = ''): ImportField[] {
  return [...fields].map(([field, v]) => ({
    field: prefix + field,
    source: v.source,
    value: show(v.value),
    status: 'create',
  }));
}

// Shared by corrections and voids: what changed (for the audit's before/after), and the record's
// participant, loaded with the centre scope of 'clinical:correct'.
import { findParticipantById, type Db, type Participant } from '@trialdesk/db';
import type { z } from 'zod';
import { localizeIssues } from '@trialdesk/domain';
import type { UseCaseDeps } from '../deps.js';
import { assertRecordCentre } from '../../access/centre-scope.js';
import { fieldError, type FieldErrors } from '../../field-errors.js';

/** Only the fields whose values differ, before and after. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T>; changed: boolean } {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[])
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/** Drops keys whose value is undefined, so a partial change merges over the saved values. */
export function definedOnly<T extends Record<string, unknown>>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The participant a record belongs to, scoped; a record of a voided participant cannot change. */
export async function recordParticipant(
  deps: UseCaseDeps,
  trx: Db,
  record: { participantId: number; centre: string; voided: unknown } | undefined,
  field: string,
): Promise<Participant> {
  assertRecordCentre(deps, 'clinical:correct', record?.centre, field);
  const p = record ? await findParticipantById(trx, record.participantId) : undefined;
  if (!record || !p) throw fieldError(deps, field, 'entry.record.unknown');
  if (p.voided !== null) throw fieldError(deps, field, 'entry.participant.voided');
  if (record.voided !== null) throw fieldError(deps, field, 'entry.correction.voided');
  return p;
}

/** Re-validates a merged record with the entry schema; issues land on the correction's fields. */
export function revalidate<S extends z.ZodType>(
  deps: UseCaseDeps,
  errors: FieldErrors,
  schema: S,
  merged: unknown,
): z.infer<S> | null {
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  for (const [field, messages] of Object.entries(localizeIssues(parsed.error.issues, deps.lang)))
    for (const m of messages) errors.addText(field, m);
  return null;
}

// Shared by corrections and voids: what changed (for the audit's before/after), and the record's
// participant, loaded with the centre scope of 'clinical:correct'.
import { findEntryParticipantById, type Db, type EntryParticipant } from '@trialdesk/db';
import type { z } from 'zod';
import { localizeIssues } from '@trialdesk/domain';
import type { AuthedContext } from '../../trpc.js';
import { assertRecordCentre, fieldError, type FieldErrors } from '../../routers/entry/shared.js';

/** Only the fields whose values differ, before and after. */
export function diff<T extends Record<string, unknown>>(before: T, after: T) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after))
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
  ctx: AuthedContext,
  trx: Db,
  record: { participant_id: number; centre: string; voided_at: string | null } | undefined,
  field: string,
): Promise<EntryParticipant> {
  assertRecordCentre(ctx, 'clinical:correct', record?.centre, field);
  const p = record ? await findEntryParticipantById(trx, record.participant_id) : undefined;
  if (!record || !p) throw fieldError(ctx, field, 'entry.record.unknown');
  if (p.voided_at !== null) throw fieldError(ctx, field, 'entry.participant.voided');
  if (record.voided_at !== null) throw fieldError(ctx, field, 'entry.correction.voided');
  return p;
}

/** Re-validates a merged record with the entry schema; issues land on the correction's fields. */
export function revalidate<S extends z.ZodType>(
  ctx: AuthedContext,
  errors: FieldErrors,
  schema: S,
  merged: unknown,
): z.infer<S> | null {
  const parsed = schema.safeParse(merged);
  if (parsed.success) return parsed.data;
  for (const [field, messages] of Object.entries(localizeIssues(parsed.error.issues, ctx.lang)))
    for (const m of messages) errors.addText(field, m);
  return null;
}

// Building blocks of the data-entry schemas. Messages are keys from messages.ts, so that the web form and
// the server word the same rule the same way, in English or Dutch.
import { z } from 'zod';
import { isIsoDate } from '../dates.js';
import { freeText } from '../text.js';

export const entryTrialId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'entry.trialId');

export const entryStudyId = z
  .string()
  .trim()
  .min(3)
  .max(40)
  .regex(/^[A-Z0-9]+-[A-Z]{2,8}-\d{3,}$/, 'entry.studyId');

export const entryCentre = z.string().regex(/^[A-Z]{2,8}$/, 'entry.centre');

export const entryScreeningNumber = z
  .string()
  .trim()
  .max(40)
  .regex(/^SCR-[A-Z]{2,8}-\d{3,}$/, 'entry.screeningNumber');

export const entryCriterionId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z][a-zA-Z0-9]*$/, 'entry.criterionId');

/** A calendar date typed as YYYY-MM-DD; impossible dates such as 2023-02-30 are refused. */
export const calendarDate = z
  .string({ error: (issue) => (issue.input === undefined ? 'entry.required' : 'entry.date.invalid') })
  .min(1, 'entry.required')
  .refine((v) => v === '' || isIsoDate(v), 'entry.date.invalid');

/**
 * Free text such as a reason or a cause: the shared text policy (text.ts) for a text area — well-formed
 * Unicode, NFC, trimmed, required, bounded, no control or bidi-override characters.
 */
export function entryText(max = 500) {
  return freeText(max);
}

/** A measured number within its physical range (the range of a value that can exist, not a normal range). */
export function physicalNumber(min: number, max: number, options: { exclusiveMin?: boolean } = {}) {
  const n = z.number().finite();
  return (options.exclusiveMin ? n.gt(min) : n.min(min)).max(max);
}

/** A database row id. */
export const recordId = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** The reason every correction, void and setting change needs (the same text policy, at least 3 characters). */
export const correctionReason = freeText(500, 3);

// Building blocks of the data-entry schemas. Messages are keys from messages.ts, so that the web form and
// the server word the same rule the same way, in English or Dutch.
import { z } from 'zod';
import { addMonths, isIsoDate, type IsoDate } from '../dates.js';
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
 * No date anywhere in Trialdesk lies before this: a floor for dates that belong to no trial (audit filters)
 * and for any check that was not given its trial.
 */
export const EARLIEST_PLAUSIBLE_DATE: IsoDate = '2000-01-01';

/**
 * The earliest plausible clinical date of a trial: a year before its first centre was activated (screening,
 * consent and laboratory values may precede the activation a little; nothing clinical precedes it by more).
 * With it, "never after today" makes the window every date of every write must fall in.
 */
export function earliestClinicalDate(def: { centres: readonly { activationDate: string }[] }): IsoDate {
  const first = def.centres.map((c) => c.activationDate).sort()[0];
  if (first === undefined) return EARLIEST_PLAUSIBLE_DATE;
  const earliest = addMonths(first, -12);
  return earliest < EARLIEST_PLAUSIBLE_DATE ? EARLIEST_PLAUSIBLE_DATE : earliest;
}

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

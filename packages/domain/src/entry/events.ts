// Clinical events: recurrence, death, complication, withdrawal, loss to follow-up.
import { z } from 'zod';
import { lineText } from '../text.js';
import { calendarDate, entryStudyId, entryText, entryTrialId } from './common.js';

export const recurrenceSites = ['hepatic', 'extrahepatic', 'both'] as const;
export const complicationCategories = ['surgical', 'pump', 'toxicity', 'other'] as const;
export const gradeScales = ['clavien_dindo', 'ctcae'] as const;
export type GradeScale = (typeof gradeScales)[number];

/** Clavien–Dindo for surgical and pump complications, CTCAE for drug toxicity (PROTOCOL.md). */
export const gradesOf: Readonly<Record<GradeScale, readonly string[]>> = {
  clavien_dindo: ['I', 'II', 'IIIa', 'IIIb', 'IVa', 'IVb', 'V'],
  ctcae: ['1', '2', '3', '4', '5'],
};

type IssueSink = {
  addIssue(issue: { code: 'custom'; message: string; path: string[]; params?: Record<string, string> }): void;
};

/** The grade must belong to its scale; resolution cannot precede onset. */
export function checkComplication(
  v: { gradeScale: GradeScale; grade: string; date: string; resolutionDate: string | null },
  ctx: IssueSink,
) {
  // An empty grade is reported as missing by the schema; only a filled-in grade is checked against the scale.
  if (v.grade !== '' && !gradesOf[v.gradeScale].includes(v.grade))
    ctx.addIssue({
      code: 'custom',
      message: 'entry.event.grade',
      path: ['grade'],
      params: { grades: gradesOf[v.gradeScale].join(', ') },
    });
  if (v.resolutionDate !== null && v.resolutionDate < v.date)
    ctx.addIssue({ code: 'custom', message: 'entry.date.beforeOnset', path: ['resolutionDate'] });
}

const complication = z
  .strictObject({
    type: z.literal('complication'),
    /** Onset. */
    date: calendarDate,
    term: entryText(200),
    category: z.enum(complicationCategories),
    gradeScale: z.enum(gradeScales),
    grade: lineText(8),
    haipRelated: z.boolean(),
    resolutionDate: calendarDate.nullable().default(null),
  })
  .superRefine(checkComplication);

export const eventDetailsInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('recurrence'), date: calendarDate, site: z.enum(recurrenceSites) }),
  z.strictObject({ type: z.literal('death'), date: calendarDate, cause: entryText(300) }),
  complication,
  z.strictObject({ type: z.literal('withdrawal'), date: calendarDate, reason: entryText(500) }),
  z.strictObject({ type: z.literal('lost_to_follow_up'), date: calendarDate, reason: entryText(500) }),
]);

export const eventInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId,
  event: eventDetailsInput,
});

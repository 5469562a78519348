// Inputs of the safety procedures (safety.*, deviations.*), shared by the web forms and the server. Strict
// objects and the shared text policy, as every input (issue 11); messages are keys of the entry catalogue.
import { z } from 'zod';
import {
  calendarDate,
  entryCentre,
  entryStudyId,
  entryText,
  entryTrialId,
  recordId,
} from '../entry/common.js';
import { lineText } from '../text.js';
import { causalityLevels, isRelated, seriousCriteria } from './definitions.js';
import { deviationCategories, deviationSeverities } from './deviations.js';
import { isLocalDateTime } from './local-time.js';

/** A wall-clock time in Europe/Amsterdam as typed: `YYYY-MM-DDTHH:mm`. */
export const localDateTimeInput = z
  .string({ error: (issue) => (issue.input === undefined ? 'entry.required' : 'sae.awareAt.invalid') })
  .min(1, 'entry.required')
  .refine(isLocalDateTime, 'sae.awareAt.invalid');

export const saeId = recordId;

const assessment = z.strictObject({
  intervention: z
    .string()
    .max(40)
    .regex(/^[a-z][a-z0-9_]*$/, 'sae.intervention.unknown'),
  causality: z.enum(causalityLevels),
  /** Expected according to the intervention's reference safety information; null when not related. */
  expected: z.boolean().nullable(),
});

export const reportSaeInput = z
  .strictObject({
    trialId: entryTrialId,
    studyId: entryStudyId,
    /** The event (a complication or a death) the SAE is about. */
    eventId: recordId,
    criteria: z.array(z.enum(seriousCriteria)).min(1, 'sae.criteria.required').max(seriousCriteria.length),
    /** One per study intervention of the trial definition. */
    assessments: z.array(assessment).min(1).max(20),
    /** When the site became aware, Europe/Amsterdam wall-clock time. */
    awareAt: localDateTimeInput,
    description: entryText(2000),
  })
  .superRefine((v, ctx) => {
    if (new Set(v.criteria).size !== v.criteria.length)
      ctx.addIssue({ code: 'custom', message: 'sae.criteria.twice', path: ['criteria'] });
    const seen = new Set<string>();
    v.assessments.forEach((a, i) => {
      if (seen.has(a.intervention))
        ctx.addIssue({
          code: 'custom',
          message: 'sae.intervention.twice',
          path: ['assessments', i, 'intervention'],
        });
      seen.add(a.intervention);
      if (isRelated(a.causality) && a.expected === null)
        ctx.addIssue({
          code: 'custom',
          message: 'sae.expected.required',
          path: ['assessments', i, 'expected'],
        });
      if (!isRelated(a.causality) && a.expected !== null)
        ctx.addIssue({
          code: 'custom',
          message: 'sae.expected.notRelated',
          path: ['assessments', i, 'expected'],
        });
    });
  });
export type ReportSaeInput = z.input<typeof reportSaeInput>;

export const saeFollowUpInput = z.strictObject({ trialId: entryTrialId, saeId, text: entryText(2000) });
export const saeReviewInput = z.strictObject({
  trialId: entryTrialId,
  saeId,
  comment: entryText(1000).nullable().default(null),
});
export const susarReportInput = z.strictObject({
  trialId: entryTrialId,
  saeId,
  /** The authority's reference for the submission (e.g. the EudraVigilance case number). */
  reference: lineText(100),
});
export const saeListInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId.optional(),
  centre: entryCentre.optional(),
});
export const trialOnlyInput = z.strictObject({ trialId: entryTrialId });

export const recordDeviationInput = z.strictObject({
  trialId: entryTrialId,
  /** The participant concerned; null for a deviation of the centre (drug storage, a missing delegation log). */
  studyId: entryStudyId.nullable(),
  /** Required without a participant (a coordinator's own centre is taken when omitted). */
  centre: entryCentre.optional(),
  category: z.enum(deviationCategories),
  severity: z.enum(deviationSeverities),
  description: entryText(1000),
  date: calendarDate,
  correctiveAction: entryText(1000).nullable().default(null),
});
export const deviationListInput = z.strictObject({
  trialId: entryTrialId,
  centre: entryCentre.optional(),
  studyId: entryStudyId.optional(),
  category: z.enum(deviationCategories).optional(),
});

// Data queries (discrepancy management): the question a monitor, data manager or PI asks a site about a
// participant, one record or one field of a record, and the conversation that follows. The schemas here
// are shared by the API and the web forms.
import { z } from 'zod';
import { entryStudyId, entryText, entryTrialId, recordId } from '../entry/common.js';
import {
  assessmentChanges,
  cycleChanges,
  eventChanges,
  participantChanges,
  screeningChanges,
} from '../entry/corrections.js';

/** open → answered (the site) → closed (the opener), or sent back / reopened to open again. */
export const queryStatuses = ['open', 'answered', 'closed'] as const;
export type QueryStatus = (typeof queryStatuses)[number];

/** What a query is about. 'visit' is a scheduled follow-up visit (an assessment slot), recorded or not. */
export const queryRecordTypes = [
  'participant',
  'screening',
  'cycle',
  'assessment',
  'event',
  'visit',
] as const;
export type QueryRecordType = (typeof queryRecordTypes)[number];

/** The fields a query may point at, per record type: exactly the fields a correction can change. */
export const queryFields: Readonly<Record<QueryRecordType, readonly string[]>> = {
  participant: Object.keys(participantChanges.shape),
  screening: Object.keys(screeningChanges.shape),
  cycle: Object.keys(cycleChanges.shape),
  assessment: Object.keys(assessmentChanges.shape),
  event: Object.keys(eventChanges.shape),
  visit: [],
};

/** Every step of a query's conversation. 'correction' is a correction made in answer to it. */
export const queryStepKinds = [
  'open',
  'answer',
  'close',
  'reopen',
  'correction',
  'auto_close',
  'auto_reopen',
] as const;
export type QueryStepKind = (typeof queryStepKinds)[number];

/** The rules that open queries by themselves (monitoring/auto-queries.ts). */
export const autoQueryRules = ['out_of_window', 'visit_overdue', 'missing_value', 'out_of_range'] as const;
export type AutoQueryRule = (typeof autoQueryRules)[number];

export const queryText = entryText(2000);
export const queryId = recordId;

export const queryOpenInput = z
  .strictObject({
    trialId: entryTrialId,
    studyId: entryStudyId,
    field: z.string().min(1).max(64).optional(),
    recordType: z.enum(queryRecordTypes).optional(),
    recordId: recordId.optional(),
    text: queryText,
  })
  .superRefine((v, ctx) => {
    const type = v.recordType ?? (v.field !== undefined ? 'participant' : undefined);
    if (v.recordId !== undefined && (type === undefined || type === 'participant'))
      ctx.addIssue({ code: 'custom', path: ['recordType'], message: 'query.recordType.required' });
    if (type !== undefined && type !== 'participant' && v.recordId === undefined)
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'query.recordId.required' });
    if (v.field !== undefined && type !== undefined && !queryFields[type].includes(v.field))
      ctx.addIssue({ code: 'custom', path: ['field'], message: 'query.field.unknown' });
  });

export const queryListInput = z.strictObject({
  trialId: entryTrialId,
  status: z.enum(queryStatuses).optional(),
  centre: z
    .string()
    .regex(/^[A-Z]{2,8}$/, 'entry.centre')
    .optional(),
  studyId: entryStudyId.optional(),
});

export const queryAnswerInput = z.strictObject({ queryId, text: queryText });
export const queryCloseInput = z.strictObject({ queryId, text: queryText.optional() });
export const queryReopenInput = z.strictObject({ queryId, text: queryText });
export const queryGetInput = z.strictObject({ queryId });

// What the SDV procedures take, shared by the API and the web. A mark is on a whole record (no field) or on
// one field of it; the fields are those a correction can change, since a correction is what ends a mark.
import { z } from 'zod';
import { entryCentre, entryStudyId, entryTrialId, recordId } from '../entry/common.js';
import { queryFields } from './queries.js';
import { sdvRecordTypes } from './sdv.js';

export const sdvVerifyInput = z
  .strictObject({
    trialId: entryTrialId,
    studyId: entryStudyId,
    recordType: z.enum(sdvRecordTypes),
    /** The record's id; not needed (and not allowed) for the participant's own inclusion record. */
    recordId: recordId.optional(),
    field: z.string().min(1).max(64).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.recordType !== 'participant' && v.recordId === undefined)
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'sdv.recordId.required' });
    if (v.field !== undefined && !queryFields[v.recordType].includes(v.field))
      ctx.addIssue({ code: 'custom', path: ['field'], message: 'sdv.field.unknown' });
  });

export const sdvProgressInput = z.strictObject({ trialId: entryTrialId, centre: entryCentre.optional() });
export const sdvParticipantInput = z.strictObject({ trialId: entryTrialId, studyId: entryStudyId });

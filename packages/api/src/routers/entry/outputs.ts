// What each data-entry write answers: declared, so that nothing beyond these fields leaves the server.
import { z } from 'zod';

const date = z.string();
const recordKind = z.enum(['participant', 'screening', 'cycle', 'assessment', 'event']);

export const screeningRecorded = z.object({ screeningNumber: z.string() });

export const participantIncluded = z.object({
  studyId: z.string(),
  screeningNumber: z.string(),
  timeZero: date.nullable(),
  /** Participants included after this one, and the target they count against. */
  included: z.number(),
  target: z.number(),
});

export const surgeryRecorded = z.object({ studyId: z.string(), timeZero: date.nullable() });

export const cycleRecorded = z.object({
  id: z.number(),
  plannedDate: date.nullable(),
  nextPlannedDate: date.nullable(),
  /** The protocol deviation in words, when the cycle was given outside its window. */
  deviation: z.string().nullable(),
});

export const assessmentRecorded = z.object({
  id: z.number(),
  month: z.number(),
  outOfWindow: z.boolean(),
  deviation: z.string().nullable(),
});

export const eventRecorded = z.object({
  id: z.number(),
  offStudy: z.object({ date, reason: z.enum(['died', 'withdrawn', 'lost_to_follow_up']) }).nullable(),
});

export const recordCorrected = z.object({
  record: recordKind,
  entityId: z.string(),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
});

export const recordVoided = z.object({ record: recordKind, entityId: z.string() });

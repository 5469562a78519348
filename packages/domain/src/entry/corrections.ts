// Corrections change saved values of a record and void marks a wrong record; both need a reason. The
// changes are partial: the server merges them into the saved record and checks the result with the same
// rules as a new entry.
import { z } from 'zod';
import {
  calendarDate,
  correctionReason,
  entryCriterionId,
  entryScreeningNumber,
  entryStudyId,
  entryText,
  entryTrialId,
  physicalNumber,
  recordId,
} from './common.js';
import { lineText } from '../text.js';
import { ceaRange, imagingResults } from './assessments.js';
import { complicationCategories, gradeScales, recurrenceSites } from './events.js';
import { screeningOutcomes } from './screening.js';
import { cycleModifications, cycleRanges } from './treatment.js';

const atLeastOne = <T extends Record<string, unknown>>(v: T) => Object.values(v).some((x) => x !== undefined);
const nonEmpty = { message: 'entry.correction.nothing' };

export const participantChanges = z
  .strictObject({
    inclusionDate: calendarDate,
    consentDate: calendarDate,
    sex: z.enum(['female', 'male']),
    ageAtInclusion: z.number().int().min(0).max(120),
    surgeryDate: calendarDate,
    pumpDate: calendarDate.nullable(),
    pumpNotPlacedReason: entryText(500).nullable(),
  })
  .partial()
  .strict();

export const screeningChanges = z
  .strictObject({
    screeningDate: calendarDate,
    outcome: z.enum(screeningOutcomes),
    failedCriteria: z.array(entryCriterionId).max(50),
    reason: entryText(500).nullable(),
  })
  .partial()
  .strict();

export const cycleChanges = z
  .strictObject({
    cycleDate: calendarDate,
    emptyDate: calendarDate.nullable(),
    flowRateMlDay: physicalNumber(0, cycleRanges.flowRateMlDay.max, { exclusiveMin: true }).nullable(),
    returnedVolumeMl: physicalNumber(0, cycleRanges.returnedVolumeMl.max).nullable(),
    doseMg: physicalNumber(0, cycleRanges.doseMg.max, { exclusiveMin: true }).nullable(),
    modification: z.enum(cycleModifications),
    modificationReason: entryText(500).nullable(),
  })
  .partial()
  .strict();

export const assessmentChanges = z
  .strictObject({
    performedDate: calendarDate,
    cea: physicalNumber(ceaRange.min, ceaRange.max).nullable(),
    imagingResult: z.enum(imagingResults),
    missedReason: entryText(500),
  })
  .partial()
  .strict();

export const eventChanges = z
  .strictObject({
    date: calendarDate,
    recurrenceSite: z.enum(recurrenceSites),
    deathCause: entryText(300),
    complicationTerm: entryText(200),
    complicationCategory: z.enum(complicationCategories),
    gradeScale: z.enum(gradeScales),
    grade: lineText(8),
    haipRelated: z.boolean(),
    resolutionDate: calendarDate.nullable(),
    reason: entryText(500),
  })
  .partial()
  .strict();

export const correctionTarget = z.discriminatedUnion('record', [
  z.strictObject({
    record: z.literal('participant'),
    studyId: entryStudyId,
    changes: participantChanges.refine(atLeastOne, nonEmpty),
  }),
  z.strictObject({
    record: z.literal('screening'),
    screeningNumber: entryScreeningNumber,
    changes: screeningChanges.refine(atLeastOne, nonEmpty),
  }),
  z.strictObject({
    record: z.literal('cycle'),
    id: recordId,
    changes: cycleChanges.refine(atLeastOne, nonEmpty),
  }),
  z.strictObject({
    record: z.literal('assessment'),
    id: recordId,
    changes: assessmentChanges.refine(atLeastOne, nonEmpty),
  }),
  z.strictObject({
    record: z.literal('event'),
    id: recordId,
    changes: eventChanges.refine(atLeastOne, nonEmpty),
  }),
]);

export const correctionInput = z.strictObject({
  trialId: entryTrialId,
  target: correctionTarget,
  reason: correctionReason,
  /** The data query this correction answers (optional): the query's conversation links to it. */
  queryId: recordId.optional(),
});

export const voidTarget = z.discriminatedUnion('record', [
  z.strictObject({ record: z.literal('participant'), studyId: entryStudyId }),
  z.strictObject({ record: z.literal('screening'), screeningNumber: entryScreeningNumber }),
  z.strictObject({ record: z.literal('cycle'), id: recordId }),
  z.strictObject({ record: z.literal('assessment'), id: recordId }),
  z.strictObject({ record: z.literal('event'), id: recordId }),
]);

export const voidInput = z.strictObject({
  trialId: entryTrialId,
  target: voidTarget,
  reason: correctionReason,
  /** The data query this void answers (optional), as for a correction. */
  queryId: recordId.optional(),
});

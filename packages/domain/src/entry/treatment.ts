// Surgery, pump placement and the pump visits of each treatment cycle.
import { z } from 'zod';
import { calendarDate, entryStudyId, entryText, entryTrialId, physicalNumber } from './common.js';

export const pumpInput = z.discriminatedUnion('placed', [
  z.strictObject({ placed: z.literal(true), date: calendarDate }),
  z.strictObject({ placed: z.literal(false), reason: entryText(500) }),
]);

export const surgeryInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId,
  surgeryDate: calendarDate,
  pump: pumpInput,
});

export const cycleModifications = ['none', 'reduced', 'delayed', 'skipped', 'stopped'] as const;
export type CycleModificationInput = (typeof cycleModifications)[number];

/**
 * Physical ranges of a pump visit: an implanted pump holds at most ~50 mL and runs at 0.5–3 mL/day; a full
 * FUDR course is below 200 mg. Values outside these ranges cannot be real and are typing errors.
 */
export const cycleRanges = {
  flowRateMlDay: { min: 0, max: 10 },
  returnedVolumeMl: { min: 0, max: 100 },
  doseMg: { min: 0, max: 1000 },
} as const;

export const cycleFields = z.strictObject({
  /** Day 1: the pump is filled with the drug (or, when skipped or stopped, the visit date). */
  cycleDate: calendarDate,
  emptyDate: calendarDate.nullable(),
  flowRateMlDay: physicalNumber(0, cycleRanges.flowRateMlDay.max, { exclusiveMin: true }).nullable(),
  returnedVolumeMl: physicalNumber(0, cycleRanges.returnedVolumeMl.max).nullable(),
  doseMg: physicalNumber(0, cycleRanges.doseMg.max, { exclusiveMin: true }).nullable(),
  modification: z.enum(cycleModifications),
  modificationReason: entryText(500).nullable(),
});
export type CycleFields = z.infer<typeof cycleFields>;

/** Rules within one pump visit; the server adds those needing other records (order, pump date). */
export function checkCycle(
  v: CycleFields,
  ctx: { addIssue(issue: { code: 'custom'; message: string; path: string[] }): void },
) {
  if (v.modification !== 'none' && v.modificationReason === null)
    ctx.addIssue({
      code: 'custom',
      message: 'entry.modification.reasonRequired',
      path: ['modificationReason'],
    });
  const given = v.modification !== 'skipped' && v.modification !== 'stopped';
  if (given && v.doseMg === null)
    ctx.addIssue({ code: 'custom', message: 'entry.cycle.doseRequired', path: ['doseMg'] });
  if (!given && v.doseMg !== null)
    ctx.addIssue({ code: 'custom', message: 'entry.cycle.noDoseWhenNotGiven', path: ['doseMg'] });
  if (v.emptyDate !== null && v.emptyDate < v.cycleDate)
    ctx.addIssue({ code: 'custom', message: 'entry.date.beforeFill', path: ['emptyDate'] });
}

export const cycleInput = z
  .strictObject({
    trialId: entryTrialId,
    studyId: entryStudyId,
    cycle: z.number().int().min(1).max(50),
    cycleDate: calendarDate,
    emptyDate: calendarDate.nullable().default(null),
    flowRateMlDay: physicalNumber(0, cycleRanges.flowRateMlDay.max, { exclusiveMin: true })
      .nullable()
      .default(null),
    returnedVolumeMl: physicalNumber(0, cycleRanges.returnedVolumeMl.max).nullable().default(null),
    doseMg: physicalNumber(0, cycleRanges.doseMg.max, { exclusiveMin: true }).nullable().default(null),
    modification: z.enum(cycleModifications),
    modificationReason: entryText(500).nullable().default(null),
  })
  .superRefine(checkCycle);

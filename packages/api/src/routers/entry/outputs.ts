// What each data-entry write answers: declared, so that nothing beyond these fields leaves the server.
import { z } from 'zod';

const date = z.string();
const recordKind = z.enum(['participant', 'screening', 'cycle', 'assessment', 'event']);

export const screeningRecorded = z.object({ screeningNumber: z.string() });

const outcome = z.enum(['included', 'not_eligible', 'declined', 'other']);
const voided = z.object({ at: z.string(), reason: z.string().nullable() }).nullable();

export const screeningList = z.object({
  total: z.number(),
  synthetic: z.boolean(),
  rows: z.array(
    z.object({
      screeningNumber: z.string(),
      centre: z.string(),
      screeningDate: date,
      outcome,
      failedCriteria: z.array(z.string()),
      reason: z.string().nullable(),
      studyId: z.string().nullable(),
      voided,
    }),
  ),
});

const funnelCounts = {
  screened: z.number(),
  included: z.number(),
  notEligible: z.number(),
  declined: z.number(),
  other: z.number(),
};

export const screeningFunnelOutput = z.object({
  synthetic: z.boolean(),
  centres: z.array(
    z.object({
      centre: z.string(),
      name: z.string(),
      ...funnelCounts,
      notEligibleByCriterion: z.array(
        z.object({
          criterionId: z.string(),
          text: z.object({ en: z.string(), nl: z.string() }),
          count: z.number(),
        }),
      ),
    }),
  ),
  total: z.object(funnelCounts),
});

const worklistAssessment = z.object({
  studyId: z.string(),
  centre: z.string(),
  month: z.number(),
  dueDate: date,
  windowStart: date,
  windowEnd: date,
  /** The last day the visit is on time: the window's end. */
  dueBy: date,
  /** Calendar days after dueBy as of the server's today; 0 while on time. */
  daysOverdue: z.number().int().nonnegative(),
});
const worklistCycle = z.object({
  studyId: z.string(),
  centre: z.string(),
  cycle: z.number(),
  plannedDate: date,
  dueBy: date,
  state: z.enum(['overdue', 'due_this_month']),
  daysOverdue: z.number().int().nonnegative(),
});
/** A record still to enter after inclusion: surgery (with pump placement), from inclusion on. */
const worklistRecord = z.object({
  studyId: z.string(),
  centre: z.string(),
  record: z.enum(['surgery']),
  since: date,
  dueBy: date,
  daysOverdue: z.number().int().nonnegative(),
});

/** An SAE report (initial or SUSAR) past its due instant and not made; saeId null for a death not reported. */
const worklistSaeReport = z.object({
  studyId: z.string(),
  centre: z.string(),
  saeId: z.number().nullable(),
  eventId: z.number(),
  eventType: z.enum(['complication', 'death']),
  eventTerm: z.string(),
  report: z.enum(['initial', 'susar']),
  dueAt: z.string(),
  /** Started hours since the due instant as of the server's now: at least 1. */
  hoursOverdue: z.number().int().positive(),
});

export const worklistOutput = z.object({
  asOf: date,
  monthEnd: date,
  centre: z.string().nullable(),
  trials: z.array(
    z.object({
      trialId: z.string(),
      code: z.string(),
      synthetic: z.boolean(),
      assessments: z.object({
        overdue: z.array(worklistAssessment),
        dueThisMonth: z.array(worklistAssessment),
      }),
      cycles: z.object({ overdue: z.array(worklistCycle), dueThisMonth: z.array(worklistCycle) }),
      records: z.array(worklistRecord),
      saeReports: z.array(worklistSaeReport),
    }),
  ),
});

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

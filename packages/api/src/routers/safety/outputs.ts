// What the safety procedures answer, declared so no column leaks.
import { causalityLevels, seriousCriteria } from '@trialdesk/domain';
import { z } from 'zod';

const clockState = z.enum(['on_time', 'late', 'due', 'overdue']);
const clock = z.object({
  startAt: z.string(),
  dueAt: z.string(),
  reportedAt: z.string().nullable(),
  state: clockState,
  remainingMs: z.number().nullable(),
});

export const saeView = z.object({
  id: z.number().nullable(),
  studyId: z.string(),
  centre: z.string(),
  eventId: z.number(),
  eventType: z.enum(['complication', 'death']),
  eventDate: z.string(),
  eventTerm: z.string(),
  eventVoided: z.boolean(),
  criteria: z.array(z.enum(seriousCriteria)),
  assessments: z.array(
    z.object({
      intervention: z.string(),
      interventionName: z.string(),
      causality: z.enum(causalityLevels),
      expected: z.boolean().nullable(),
    }),
  ),
  susar: z.boolean(),
  awareAt: z.string(),
  awareAtLocal: z.string(),
  awarenessFromRecord: z.boolean(),
  description: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportedByName: z.string().nullable(),
  review: z.object({ at: z.string(), byName: z.string(), comment: z.string().nullable() }).nullable(),
  susarReport: z.object({ at: z.string(), byName: z.string(), reference: z.string() }).nullable(),
  followUps: z.array(
    z.object({ seq: z.number(), text: z.string(), reportedAt: z.string(), reportedByName: z.string() }),
  ),
  clocks: z.object({ initial: clock, susar: clock.nullable() }),
  overdue: z.boolean(),
  synthetic: z.boolean(),
});

const stateCounts = z.object({ onTime: z.number(), late: z.number(), due: z.number(), overdue: z.number() });
export const saeSummaryView = z.object({
  total: z.number(),
  susars: z.number(),
  deaths: z.number(),
  deathsNotReported: z.number(),
  byCriterion: z.array(z.object({ criterion: z.enum(seriousCriteria), n: z.number() })),
  initialReports: stateCounts,
  susarReports: stateCounts,
  notReviewed: z.number(),
  byCentre: z.array(
    z.object({
      centre: z.string(),
      saes: z.number(),
      susars: z.number(),
      overdue: z.number(),
      initialOverdue: z.number(),
      lateReports: z.number(),
    }),
  ),
});

// What the query procedures answer, field by field, so nothing beyond these leaves the server.
import { queryStatuses } from '@trialdesk/domain';
import { z } from 'zod';

const step = z.object({
  at: z.string(),
  kind: z.string(),
  userName: z.string(),
  role: z.string().nullable(),
  text: z.string().nullable(),
  bySystem: z.boolean(),
  correction: z.object({ record: z.string(), entityId: z.string(), auditSeq: z.number() }).nullable(),
});

export const queryView = z.object({
  id: z.number(),
  studyId: z.string(),
  centre: z.string(),
  recordType: z.string().nullable(),
  recordId: z.number().nullable(),
  field: z.string().nullable(),
  recordLabel: z.string().nullable(),
  origin: z.enum(['manual', 'auto']),
  rule: z.string().nullable(),
  status: z.enum(queryStatuses),
  openedAt: z.string(),
  openedByName: z.string(),
  openedRole: z.string().nullable(),
  firstAnsweredAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
  ageDays: z.number(),
  waitingFor: z.enum(['site', 'reviewer']).nullable(),
  text: z.string(),
  steps: z.array(step),
});

export const queryListOutput = z.object({ queries: z.array(queryView) });
export const queryOpened = z.object({ queryId: z.number() });
export const queryStepTaken = z.object({ queryId: z.number(), status: z.enum(queryStatuses) });

const summaryRow = {
  open: z.number(),
  answered: z.number(),
  closed: z.number(),
  medianDaysToAnswer: z.number().nullable(),
  answeredCount: z.number(),
};
export const querySummaryOutput = z.object({
  centres: z.array(z.object({ centre: z.string(), ...summaryRow })),
  total: z.object(summaryRow),
});

// Audit payloads of serious adverse events and protocol deviations, spread into the one audit union.
import { z } from 'zod';
import { auditEvent as event } from '../audit-event-shape.js';
import { causalityLevels, seriousCriteria } from './definitions.js';
import { deviationCategories, deviationOrigins, deviationSeverities } from './deviations.js';

const text = z.string();

const sae = z.literal('sae');
const onTime = z.boolean();

export const saeAuditEvents = [
  event(
    'sae.reported',
    sae,
    z.null(),
    z.strictObject({
      eventId: z.number().int(),
      eventType: z.enum(['complication', 'death']),
      criteria: z.array(z.enum(seriousCriteria)),
      assessments: z.array(
        z.strictObject({
          intervention: text,
          causality: z.enum(causalityLevels),
          expected: z.boolean().nullable(),
        }),
      ),
      susar: z.boolean(),
      awareAt: text,
      description: text,
      initialReportDueAt: text,
      onTime,
    }),
  ),
  event('sae.follow_up_added', sae, z.null(), z.strictObject({ seq: z.number().int().positive(), text })),
  event('sae.reviewed', sae, z.null(), z.strictObject({ comment: text.nullable() })),
  event('sae.susar_reported', sae, z.null(), z.strictObject({ reference: text, dueAt: text, onTime })),
  event(
    'deviation.recorded',
    z.literal('deviation'),
    z.null(),
    z.strictObject({
      category: z.enum(deviationCategories),
      severity: z.enum(deviationSeverities),
      description: text,
      date: text,
      correctiveAction: text.nullable(),
      origin: z.enum(deviationOrigins),
      recordType: z.enum(['cycle', 'assessment']).nullable(),
      recordId: z.number().int().nullable(),
    }),
  ),
] as const;

export const saeAuditActions = {
  'sae.reported':
    'A serious adverse event was reported: criteria, causality per intervention, expectedness, awareness and its 24-hour clock.',
  'sae.follow_up_added': 'A follow-up report of a serious adverse event was added (numbered in order).',
  'sae.reviewed': 'The principal investigator reviewed a serious adverse event.',
  'sae.susar_reported': 'A SUSAR was reported to the authorities (7 or 15 days after awareness).',
  'deviation.recorded':
    'A protocol deviation was logged, by a user or by the system for a visit or cycle out of its window.',
} as const;

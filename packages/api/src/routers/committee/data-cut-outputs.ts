// What the data-cut procedures answer, declared field by field (issue 12: every procedure declares its
// output), so nothing beyond these fields leaves the server; the comparison is an aggregate of counts.
import { z } from 'zod';
import type { CutComparison } from '../../reports/compare-cuts.js';
import { aggregateOutput } from '../declared-output.js';

export const cutInfoOutput = z.object({
  id: z.number(),
  label: z.string(),
  asOf: z.string(),
  createdAt: z.string(),
  contentHash: z.string(),
});

export const createdCutOutput = cutInfoOutput.extend({
  participants: z.number(),
  createdBy: z.string().nullable(),
});

export const cutListOutput = z.object({
  today: z.string(),
  cuts: z.array(
    z.object({
      id: z.number(),
      trialId: z.string(),
      label: z.string(),
      asOf: z.string(),
      createdAt: z.string(),
      createdBy: z.string().nullable(),
      participants: z.number(),
      contentHash: z.string(),
    }),
  ),
});

export const cutDetailOutput = cutInfoOutput.extend({
  createdBy: z.string().nullable(),
  synthetic: z.boolean(),
  bytes: z.number(),
  counts: z.object({
    participants: z.number(),
    screenings: z.number(),
    cycles: z.number(),
    assessments: z.number(),
    events: z.number(),
  }),
});

export const cutVerificationOutput = z.object({
  cut: cutInfoOutput,
  ok: z.boolean(),
  storedHash: z.string(),
  computedHash: z.string(),
  canonical: z.boolean(),
});

export const cutComparisonOutput = z.object({
  from: cutInfoOutput,
  to: cutInfoOutput.nullable(),
  comparison: aggregateOutput<CutComparison>(),
});

// What the SDV procedures answer, field by field.
import { sdvRecordTypes, sdvScopes } from '@trialdesk/domain';
import { z } from 'zod';

export const sdvVerified = z.object({ markId: z.number(), alreadyVerified: z.boolean() });

const counts = { required: z.number(), verified: z.number(), toReverify: z.number() };
export const sdvProgressOutput = z.object({
  plan: z.object({
    full: z.array(z.enum(sdvScopes)),
    samplePercent: z.number(),
    sampleSeed: z.number(),
  }),
  total: z.object(counts),
  centres: z.array(z.object({ centre: z.string(), ...counts })),
  participants: z.array(z.object({ studyId: z.string(), centre: z.string(), ...counts })),
});

export const sdvParticipantOutput = z.object({
  records: z.array(
    z.object({
      recordType: z.enum(sdvRecordTypes),
      recordId: z.number(),
      label: z.string(),
      requirement: z.enum(['full', 'sample', 'none']),
      verified: z.object({ at: z.string(), byName: z.string() }).nullable(),
      fields: z.array(z.object({ field: z.string(), at: z.string(), byName: z.string() })),
      ended: z.array(
        z.object({
          field: z.string().nullable(),
          verifiedAt: z.string(),
          verifiedByName: z.string(),
          endedAt: z.string(),
          endedByName: z.string(),
          cause: z.enum(['corrected', 'voided']),
          changedFields: z.array(z.string()),
        }),
      ),
    }),
  ),
});

// The shape every audit action shares, for the modules that declare actions (audit-events.ts and each
// area's audit-events.ts): the envelope every entry carries, and `auditEvent` declaring one action with its
// entity type and the shapes of its before and after values.
import { z } from 'zod';

const text = z.string();

const envelope = {
  entityId: text.nullable(),
  trialId: text.nullable(),
  centre: text.nullable(),
  /** The participant's study ID where the entry concerns one. */
  participant: text.nullable(),
  reason: text.nullable(),
};

/** One action: its entity type, and the shapes of before and after. */
export function auditEvent<A extends string, E extends z.ZodType, B extends z.ZodType, F extends z.ZodType>(
  action: A,
  entityType: E,
  before: B,
  after: F,
) {
  return z.strictObject({ action: z.literal(action), entityType, ...envelope, before, after });
}

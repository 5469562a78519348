// The declared output of a procedure whose answer is an aggregate shaped by the domain or a report builder
// (the overview, the committee views, the report, data-cut summaries): its type is the builder's own,
// checked at compile time, and at run time the answer must be an object. Participant-level answers are
// declared field by field instead (participants/schemas.ts, entry/outputs.ts), so no column can leak.
import { z } from 'zod';

export function aggregateOutput<T extends object>() {
  return z.custom<T>((value) => typeof value === 'object' && value !== null, 'Not an object');
}

/** A file travelling through tRPC: authorisation and auditing stay in one place. */
export const downloadOutput = z.object({
  filename: z.string(),
  mimeType: z.string(),
  base64: z.string(),
  bytes: z.number(),
});

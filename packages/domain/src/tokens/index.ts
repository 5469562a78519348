// Personal API tokens: what a token may be asked for, and the words of its refusals.
import { z } from 'zod';
import { lineText } from '../text.js';

export * from './audit-events.js';
export * from './messages.js';

export const API_TOKEN_MAX_DAYS = 365;
export const API_TOKEN_DEFAULT_DAYS = 90;
/** A token's use is audited at most once per this many milliseconds (its first use always). */
export const API_TOKEN_AUDIT_INTERVAL_MS = 60_000;

export const apiTokenIdSchema = z.number().int().positive().max(2_147_483_647);

export const createApiTokenInput = z.strictObject({
  label: lineText(80),
  expiresInDays: z.number().int().min(1).max(API_TOKEN_MAX_DAYS).default(API_TOKEN_DEFAULT_DAYS),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenInput>;

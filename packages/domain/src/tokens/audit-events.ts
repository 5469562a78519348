// Audit payloads of personal API tokens, spread into the one audit union (audit-events.ts). No token or hash
// is ever audited: the prefix names the token.
import { z } from 'zod';
import { auditEvent } from '../audit-event-shape.js';

const text = z.string();
const apiToken = z.literal('api_token');
/** One token action: every one concerns an API token. */
const event = <A extends string, B extends z.ZodType, F extends z.ZodType>(action: A, before: B, after: F) =>
  auditEvent(action, apiToken, before, after);

/** What the audit trail keeps of a token: whose it is and how it is named, never its secret. */
export const apiTokenSnapshot = z.strictObject({
  userId: z.number().int().nonnegative(),
  username: text,
  label: text,
  prefix: text,
  tokenScope: z.literal('read'),
  expiresAt: text,
});

export const tokenAuditEvents = [
  event('token.created', z.null(), apiTokenSnapshot),
  event('token.revoked', apiTokenSnapshot, z.strictObject({ revoked: z.literal(true) })),
  event('token.used', z.null(), z.strictObject({ prefix: text, surface: z.enum(['api', 'fhir']) })),
] as const;

export const tokenAuditActions = {
  'token.created': 'A personal API token (read-only) was created; it was shown once and only its hash kept.',
  'token.revoked': 'A personal API token was revoked by its user or an administrator.',
  'token.used':
    'A personal API token was used: its first request, then at most one entry per token per minute.',
} as const;

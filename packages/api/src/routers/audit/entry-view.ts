// How the audit viewer shows one entry: every stored column but the hashes, before/after parsed.
import type { AuditRow } from '@trialdesk/db';
import { z } from 'zod';

/** before/after are stored as canonical JSON; a value that no longer parses is shown as the raw text. */
function parseJson(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export const auditEntryView = z.object({
  seq: z.number(),
  at: z.string(),
  username: z.string().nullable(),
  role: z.string().nullable(),
  ip: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** What the record is called where its id alone says nothing: a user's name for a user's id. */
  entityLabel: z.string().nullable(),
  trialId: z.string().nullable(),
  centre: z.string().nullable(),
  participant: z.string().nullable(),
  reason: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});

/** Names for ids: user id → "Display name (username)". */
export interface EntityNames {
  users: ReadonlyMap<string, string>;
}

export function toView(r: AuditRow, names: EntityNames): z.infer<typeof auditEntryView> {
  return {
    seq: r.seq,
    at: r.at,
    username: r.username,
    role: r.role,
    ip: r.ip,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    entityLabel:
      r.entity_type === 'user' && r.entity_id !== null ? (names.users.get(r.entity_id) ?? null) : null,
    trialId: r.trial_id,
    centre: r.centre,
    participant: r.participant,
    reason: r.reason,
    before: parseJson(r.before),
    after: parseJson(r.after),
  };
}

// A request that carries `Authorization: Bearer <token>` instead of a session cookie acts as the token's user:
// the same account role, trial memberships and centre (read afresh on every request, like a session's), so a
// token can never do more than its user. Tokens are read-only: the tRPC base refuses every mutation and
// subscription made with one (trpc.ts), and the FHIR API only reads.
//
// Use is audited, but not every request: a script that pages through a FHIR search makes hundreds of requests
// a minute, and an audit row for each would flood the hash chain. The first use of a token is always
// audited, then at most one `token.used` per token per minute (API_TOKEN_AUDIT_INTERVAL_MS), decided by a
// conditional update of the token's last-used time in the same transaction as the audit row, so two requests
// at once (or two servers) audit one use.
import { API_TOKEN_AUDIT_INTERVAL_MS, type Role } from '@trialdesk/domain';
import {
  appendAuditEvent,
  findApiTokenBySecret,
  isStorageFull,
  markApiTokenUsed,
  type Db,
} from '@trialdesk/db';
import type { SessionUser } from '../context.js';

/** Where the token was presented: the tRPC API or the FHIR API (kept in the audit row). */
export type TokenSurface = 'api' | 'fhir';

/** The bearer token of an Authorization header, or null when there is none. */
export function bearerToken(header: string | null | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S{1,200})\s*$/i.exec(header);
  return match?.[1] ?? null;
}

export async function resolveApiToken(
  db: Db,
  token: string,
  now: Date,
  request: { surface: TokenSurface; ip: string | null },
): Promise<SessionUser | null> {
  const t = await findApiTokenBySecret(db, token);
  const nowIso = now.toISOString();
  if (!t || t.revokedAt !== null || nowIso >= t.expiresAt || !t.active) return null;
  const since = new Date(now.getTime() - API_TOKEN_AUDIT_INTERVAL_MS).toISOString();
  try {
    await db.transaction().execute(async (trx) => {
      if (!(await markApiTokenUsed(trx, t.id, nowIso, since))) return;
      await appendAuditEvent(
        trx,
        { userId: t.userId, username: t.username, role: t.role as Role, ip: request.ip },
        nowIso,
        {
          action: 'token.used',
          entityType: 'api_token',
          entityId: String(t.id),
          trialId: null,
          centre: t.centre,
          participant: null,
          before: null,
          after: { prefix: t.prefix, surface: request.surface },
          reason: null,
        },
      );
    });
  } catch (error) {
    // A full disk stops the bookkeeping, not reads (as for a session's last-seen time).
    if (!isStorageFull(error)) throw error;
  }
  return {
    id: t.userId,
    username: t.username,
    displayName: t.displayName,
    role: t.role as Role,
    centre: t.centre,
    mustChangePassword: t.mustChangePassword,
    sessionId: `token:${t.prefix}`,
    tokenId: t.id,
  };
}

// Creating and revoking personal API tokens. Creation is shared by the account page (tokens.create) and the
// CLI (`pnpm cli create-token`): the token is returned once and only its SHA-256 is stored, with the audit
// row in the same transaction.
import {
  appendAuditEvent,
  findApiToken,
  insertApiToken,
  newApiToken,
  revokeApiToken,
  type ApiTokenRecord,
  type Db,
} from '@trialdesk/db';
import { entryMessage, type Lang, type Role } from '@trialdesk/domain';
import { AppError } from '../../errors.js';

export interface AuditActor {
  userId: number | null;
  username: string | null;
  role: Role | null;
  ip: string | null;
}

export interface IssuedToken {
  id: number;
  /** The token itself: shown to its user once, never stored, never shown again. */
  token: string;
  prefix: string;
  label: string;
  expiresAt: string;
}

const DAY_MS = 86_400_000;

export async function issueApiToken(
  db: Db,
  owner: { id: number; username: string },
  request: { label: string; expiresInDays: number },
  now: Date,
  actor: AuditActor,
): Promise<IssuedToken> {
  const { token, prefix, hash } = newApiToken();
  const nowIso = now.toISOString();
  const expiresAt = new Date(now.getTime() + request.expiresInDays * DAY_MS).toISOString();
  const id = await db.transaction().execute(async (trx) => {
    const tokenId = await insertApiToken(
      trx,
      { userId: owner.id, prefix, hash, label: request.label, now: nowIso, expiresAt },
      actor.userId,
    );
    await appendAuditEvent(trx, actor, nowIso, {
      action: 'token.created',
      entityType: 'api_token',
      entityId: String(tokenId),
      trialId: null,
      centre: null,
      participant: null,
      before: null,
      after: {
        userId: owner.id,
        username: owner.username,
        label: request.label,
        prefix,
        tokenScope: 'read',
        expiresAt,
      },
      reason: null,
    });
    return tokenId;
  });
  return { id, token, prefix, label: request.label, expiresAt };
}

/**
 * Revokes a token of the caller's own, or any token for an administrator; another user's token answers
 * exactly as one that does not exist.
 */
export async function revokeToken(
  db: Db,
  caller: { id: number; isAdmin: boolean; lang: Lang },
  tokenId: number,
  now: Date,
  actor: AuditActor,
): Promise<ApiTokenRecord> {
  const found = await findApiToken(db, tokenId);
  if (!found || (found.userId !== caller.id && !caller.isAdmin))
    throw new AppError(
      'NOT_FOUND',
      'token.notFound',
      entryMessage('token.notFound', caller.lang, { id: tokenId }),
    );
  const nowIso = now.toISOString();
  await db.transaction().execute(async (trx) => {
    if (!(await revokeApiToken(trx, tokenId, nowIso, actor.userId)))
      throw new AppError(
        'CONFLICT',
        'token.alreadyRevoked',
        entryMessage('token.alreadyRevoked', caller.lang, { id: tokenId }),
      );
    await appendAuditEvent(trx, actor, nowIso, {
      action: 'token.revoked',
      entityType: 'api_token',
      entityId: String(tokenId),
      trialId: null,
      centre: null,
      participant: null,
      before: {
        userId: found.userId,
        username: found.username,
        label: found.label,
        prefix: found.prefix,
        tokenScope: found.scope,
        expiresAt: found.expiresAt,
      },
      after: { revoked: true },
      reason: null,
    });
  });
  return { ...found, revokedAt: nowIso };
}

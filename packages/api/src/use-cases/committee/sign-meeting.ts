// The chair signs a meeting record by re-entering their own password: the signature binds to the SHA-256
// of the canonical JSON of everything the record says (and the data cut's hash), and from then on the
// record never changes (the database refuses). A wrong password counts towards the same per-account limit
// as failed logins, so a borrowed session cannot be used to guess it.
import type { signMeetingInput } from '@trialdesk/domain';
import {
  countLoginFailures,
  findMeeting,
  findUserById,
  meetingSignatureHash,
  signedMeetingContent,
  recordLoginFailure,
  signMeeting as storeSignature,
  verifyPassword,
  writeTransaction,
  type MeetingRecord,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { tooManyFailures } from '../../auth/login.js';
import { nowIso } from '../../context.js';
import { AppError } from '../../errors.js';
import { appError, fieldError } from '../../field-errors.js';
import type { AuthedContext } from '../../trpc.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';

const notFound = () => new AppError('NOT_FOUND', 'meeting.not_found', 'There is no such meeting record.');

export async function signMeeting(
  ctx: AuthedContext & { deps: UseCaseDeps },
  input: z.output<typeof signMeetingInput>,
): Promise<MeetingRecord> {
  const deps = ctx.deps;
  const trial = await loadTrial(deps, input.trialId);
  const meeting = await findMeeting(deps.db, trial.id, input.meetingId);
  if (!meeting) throw notFound();
  // Signed already: a conflict with what is stored, not a wrong input.
  const signed = () => appError(deps, 'CONFLICT', 'meeting.signed');
  if (meeting.signature) throw signed();
  const since = new Date(ctx.clock().getTime() - ctx.auth.failureWindowMinutes * 60_000).toISOString();
  if (
    (await countLoginFailures(deps.db, { username: ctx.user.username }, since)) >=
    ctx.auth.maxFailuresPerAccount
  )
    throw tooManyFailures(ctx.auth.failureWindowMinutes);
  const user = await findUserById(deps.db, ctx.user.id);
  if (!user || !(await verifyPassword(input.password, user.passwordHash))) {
    await writeTransaction(deps.db, async (trx) => {
      await recordLoginFailure(trx, ctx.user.username, ctx.ip ?? 'unknown', nowIso(deps));
      await writeAudit(deps, trx, {
        action: 'auth.login_failed',
        entityType: 'user',
        entityId: String(ctx.user.id),
        trialId: trial.id,
        centre: null,
        participant: null,
        before: null,
        after: { username: ctx.user.username, reason: 'wrong_signing_password' },
        reason: null,
      });
    });
    throw fieldError(deps, 'password', 'meeting.password.wrong');
  }
  const signedAt = nowIso(deps);
  const signedBy = deps.actor.displayName;
  const hash = meetingSignatureHash(signedMeetingContent(meeting, signedBy, signedAt));
  await writeTransaction(deps.db, async (trx) => {
    const stored = await storeSignature(trx, {
      trialId: trial.id,
      id: meeting.id,
      signedAt,
      signedBy: { id: deps.actor.id, name: signedBy },
      hash,
    });
    // Signed by someone else meanwhile: nothing is written twice.
    if (!stored) throw signed();
    await writeAudit(deps, trx, {
      action: 'meeting.signed',
      entityType: 'committee_meeting',
      entityId: String(meeting.id),
      trialId: trial.id,
      centre: null,
      participant: null,
      before: null,
      after: { signedBy, signedAt, signatureHash: hash, cutHash: meeting.cutHash },
      reason: null,
    });
  });
  publishChange(deps, trial.id, 'datacut', null);
  return {
    ...meeting,
    signature: { signedAt, signedBy, signedById: deps.actor.id, hash },
  };
}

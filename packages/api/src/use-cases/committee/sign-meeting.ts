// The chair signs a meeting record by re-entering their own password: the signature binds to the SHA-256
// of the canonical JSON of everything the record says (and the data cut's hash), and from then on the
// record never changes (the database refuses). A wrong password counts towards the same per-account limit
// as failed logins, so a borrowed session cannot be used to guess it.
import type { signMeetingInput } from '@trialdesk/domain';
import {
  findMeeting,
  meetingSignatureHash,
  signedMeetingContent,
  signMeeting as storeSignature,
  writeTransaction,
  type MeetingRecord,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { confirmPassword } from '../../auth/confirm-password.js';
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
  // The password re-entered as for every signature (confirm-password.ts): the attempt is reserved before
  // the check, counted by the login limit, and a wrong one is audited as a failed login.
  await confirmPassword(ctx, input.password).catch((e: unknown) => {
    if (e instanceof AppError && e.key === 'signature.wrong_password')
      throw fieldError(deps, 'password', 'meeting.password.wrong');
    throw e;
  });
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

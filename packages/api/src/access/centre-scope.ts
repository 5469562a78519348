// Centre scope, checked on the server for every participant-level read and write. A coordinator who asks
// for another centre's participant gets the same answer as for a participant that does not exist, so the
// answer reveals nothing about it.
import { canAccessCentre, centreScope, type Permission } from '@trialdesk/domain';
import { findParticipantByStudyId, type ParticipantRow } from '@trialdesk/db';
import { AppError, forbidden } from '../errors.js';
import type { AuthedContext } from '../trpc.js';

/** The centre a list must be limited to: the coordinator's own, or the one asked for (if any). */
export function scopedCentre(
  ctx: AuthedContext,
  permission: Permission,
  requested: string | null | undefined,
): string | null {
  const own = centreScope(ctx.user, permission);
  if (own === null) return requested ?? null;
  if (requested && requested !== own) throw forbidden();
  return own;
}

export function assertCentre(ctx: AuthedContext, permission: Permission, centre: string): void {
  if (!canAccessCentre(ctx.user, permission, centre)) throw forbidden();
}

export const participantNotAvailable = () =>
  new AppError(
    'FORBIDDEN',
    'participant.not_available',
    'This participant does not exist or is not at your centre.',
  );

export async function loadParticipant(
  ctx: AuthedContext,
  permission: Permission,
  trialId: string,
  studyId: string,
): Promise<ParticipantRow> {
  const p = await findParticipantByStudyId(ctx.db, trialId, studyId);
  const scoped = centreScope(ctx.user, permission) !== null;
  if (!p || !canAccessCentre(ctx.user, permission, p.centre)) {
    if (scoped) throw participantNotAvailable();
    throw new AppError(
      'NOT_FOUND',
      'participant.not_found',
      `There is no participant ${studyId} in this trial.`,
    );
  }
  return p;
}

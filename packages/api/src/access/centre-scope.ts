// Centre scope, checked on the server for every participant-level read and write. A coordinator who asks
// for another centre's participant or record gets the same answer as for one that does not exist, so the
// answer reveals nothing about it. Every scope rule of the API lives here.
import {
  canAccessCentre,
  centreOf,
  centreScope,
  type Actor,
  type Lang,
  type Permission,
  type TrialDefinition,
} from '@trialdesk/domain';
import { findParticipant, type Db, type Participant } from '@trialdesk/db';
import { AppError, forbidden } from '../errors.js';
import { fieldError } from '../field-errors.js';

/** Who asks, and in which language refusals are worded. */
export interface Asker {
  actor: Actor;
  lang: Lang;
}

/** The centre a list must be limited to: the coordinator's own, or the one asked for (if any). */
export function scopedCentre(
  actor: Actor,
  permission: Permission,
  requested: string | null | undefined,
): string | null {
  const own = centreScope(actor, permission);
  if (own === null) return requested ?? null;
  if (requested && requested !== own) throw forbidden();
  return own;
}

export const participantNotAvailable = () =>
  new AppError(
    'FORBIDDEN',
    'participant.not_available',
    'This participant does not exist or is not at your centre.',
  );

/** A participant to read (participant pages): unknown is NOT_FOUND, or for a coordinator "not available". */
export async function loadParticipant(
  asker: Asker,
  db: Db,
  permission: Permission,
  trialId: string,
  studyId: string,
): Promise<Participant> {
  const p = await findParticipant(db, trialId, studyId);
  const scoped = centreScope(asker.actor, permission) !== null;
  if (!p || !canAccessCentre(asker.actor, permission, p.centre)) {
    if (scoped) throw participantNotAvailable();
    throw new AppError(
      'NOT_FOUND',
      'participant.not_found',
      `There is no participant ${studyId} in this trial.`,
    );
  }
  return p;
}

/**
 * The centre a new record is written for: a coordinator's own (asking for another is refused), or the
 * one an administrator names, which must be a centre of the trial.
 */
export function writeCentre(asker: Asker, def: TrialDefinition, requested: string | undefined): string {
  const own = centreScope(asker.actor, 'clinical:write');
  if (own !== null) {
    if (requested !== undefined && requested !== own) throw forbidden();
    if (!centreOf(def, own)) throw fieldError(asker, 'centre', 'entry.centre.unknown');
    return own;
  }
  if (requested === undefined) throw fieldError(asker, 'centre', 'entry.centre.required');
  if (!centreOf(def, requested)) throw fieldError(asker, 'centre', 'entry.centre.unknown');
  return requested;
}

/**
 * Refuses a record the user may not touch. A centre-bound user gets the same answer for another centre's
 * record as for one that does not exist (they learn nothing); others get bad input on the id field.
 */
export function refuseUnknown(asker: Asker, permission: Permission, field: string): never {
  if (centreScope(asker.actor, permission) !== null) throw participantNotAvailable();
  throw fieldError(asker, field, 'entry.record.unknown');
}

export function assertRecordCentre(
  asker: Asker,
  permission: Permission,
  centre: string | undefined,
  field: string,
): void {
  if (centre === undefined || !canAccessCentre(asker.actor, permission, centre))
    refuseUnknown(asker, permission, field);
}

/** The participant a write concerns, read inside the write transaction, scoped, and not voided. */
export async function loadParticipantForWrite(
  asker: Asker,
  trx: Db,
  permission: Permission,
  trialId: string,
  studyId: string,
  field = 'studyId',
): Promise<Participant> {
  const p = await findParticipant(trx, trialId, studyId);
  assertRecordCentre(asker, permission, p?.centre, field);
  if (!p) return refuseUnknown(asker, permission, field);
  if (p.voided !== null) throw fieldError(asker, field, 'entry.participant.voided');
  return p;
}

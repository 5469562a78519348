// Finding an SAE for a call: one of another centre (for a coordinator) or of no SAE answers exactly the
// same, so the answer reveals nothing about it.
import { canAccessCentre, entryMessage, type Lang, type Permission } from '@trialdesk/domain';
import { findSae, type Db, type SaeRecord } from '@trialdesk/db';
import { AppError } from '../../errors.js';
import type { UseCaseDeps } from '../deps.js';

export function saeMissing(lang: Lang, id: number): AppError {
  return new AppError('NOT_FOUND', 'sae.not_found', entryMessage('sae.unknown', lang, { id }));
}

export async function loadSae(
  deps: Pick<UseCaseDeps, 'actor' | 'lang'>,
  db: Db,
  permission: Permission,
  trialId: string,
  id: number,
): Promise<SaeRecord> {
  const sae = await findSae(db, trialId, id);
  if (!sae || !canAccessCentre(deps.actor, permission, sae.centre)) throw saeMissing(deps.lang, id);
  return sae;
}

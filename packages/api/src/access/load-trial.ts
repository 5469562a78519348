// The one trial loader. An unknown trial is NOT_FOUND everywhere, with the same code, key and message
// whatever the procedure, so that the answer never depends on where it was asked.
import { entryMessage, type Lang } from '@trialdesk/domain';
import { findTrial, type Db, type TrialRecord } from '@trialdesk/db';
import { z } from 'zod';
import { AppError } from '../errors.js';

export const trialIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'A trial id is lower-case letters, digits and dashes');

/** The answer for a trial that does not exist; the message names no id, so it is the same for every caller. */
export function trialNotFound(lang: Lang): AppError {
  const message = entryMessage('entry.trial.unknown', lang);
  return new AppError('NOT_FOUND', 'trial.not_found', message, { fields: { trialId: [message] } });
}

export async function loadTrial(deps: { db: Db; lang: Lang }, trialId: string): Promise<TrialRecord> {
  const trial = await findTrial(deps.db, trialId);
  if (!trial) throw trialNotFound(deps.lang);
  return trial;
}

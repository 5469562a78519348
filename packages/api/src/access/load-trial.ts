import { findTrial, type TrialRecord } from '@trialdesk/db';
import { z } from 'zod';
import type { Context } from '../context.js';
import { trialNotFound } from '../errors.js';

export const trialIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9-]+$/, 'A trial id is lower-case letters, digits and dashes');

export async function loadTrial(ctx: Pick<Context, 'db'>, trialId: string): Promise<TrialRecord> {
  const trial = await findTrial(ctx.db, trialId);
  if (!trial) throw trialNotFound(trialId);
  return trial;
}

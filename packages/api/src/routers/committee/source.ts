// Where a committee view gets its data: live ("now", as of today) or a frozen data cut. Both give the
// same dataset shape, so every view is computed by the same code for either.
import { trialDatasetSchema, type TrialDataset } from '@trialdesk/domain';
import { findDataCut, loadTrialDataset, type DataCutRecord, type TrialRecord } from '@trialdesk/db';
import { z } from 'zod';
import { today, type Context } from '../../context.js';
import { AppError } from '../../errors.js';
import { loadTrial, trialIdSchema } from '../load-trial.js';

export const cutIdSchema = z.number().int().positive().max(2_147_483_647);

/** Input of every committee view: a trial, and a data cut or nothing for live data. */
export const sourceInput = z.object({ trialId: trialIdSchema, cutId: cutIdSchema.nullish() });
export type SourceInput = z.infer<typeof sourceInput>;

export interface CutInfo {
  id: number;
  label: string;
  asOf: string;
  createdAt: string;
  contentHash: string;
}

export interface Source {
  trial: TrialRecord;
  data: TrialDataset;
  /** null for live data. */
  cut: CutInfo | null;
}

export const cutNotFound = (id: number) =>
  new AppError('NOT_FOUND', 'datacut.not_found', `There is no data cut ${id} for this trial.`);

export async function loadCut(
  ctx: Pick<Context, 'db'>,
  trialId: string,
  cutId: number,
): Promise<DataCutRecord> {
  const cut = await findDataCut(ctx.db, trialId, cutId);
  if (!cut) throw cutNotFound(cutId);
  return cut;
}

export function parseSnapshot(cut: DataCutRecord): TrialDataset {
  return trialDatasetSchema.parse(JSON.parse(cut.snapshot));
}

export const cutInfo = (cut: DataCutRecord): CutInfo => ({
  id: cut.id,
  label: cut.label,
  asOf: cut.asOf,
  createdAt: cut.createdAt,
  contentHash: cut.contentHash,
});

export async function resolveSource(ctx: Pick<Context, 'db' | 'clock'>, input: SourceInput): Promise<Source> {
  const trial = await loadTrial(ctx, input.trialId);
  if (input.cutId === null || input.cutId === undefined)
    return { trial, data: await loadTrialDataset(ctx.db, trial, today(ctx)), cut: null };
  const cut = await loadCut(ctx, trial.id, input.cutId);
  return { trial, data: parseSnapshot(cut), cut: cutInfo(cut) };
}

// Where a committee view gets its data: live ("now", as of today) or a frozen data cut. Both give the
// same dataset shape, so every view is computed by the same code for either.
import { deepFreeze, trialDatasetSchema, type TrialDataset } from '@trialdesk/domain';
import {
  dataVersion,
  findDataCut,
  loadTrialDataset,
  type DataCutRecord,
  type TrialRecord,
  withAllCentres,
} from '@trialdesk/db';
import { z } from 'zod';
import { today, type Context } from '../context.js';
import { AppError } from '../errors.js';
import { loadTrial, trialIdSchema } from '../access/load-trial.js';

export const cutIdSchema = z.number().int().positive().max(2_147_483_647);

/** Input of every committee view: a trial, and a data cut or nothing for live data. */
export const sourceInput = z.strictObject({ trialId: trialIdSchema, cutId: cutIdSchema.nullish() });
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

/**
 * The dataset behind a committee view. Live data are loaded once per trial, day and data version (any
 * audited write to the trial moves it); a cut never changes, so its parsed snapshot is kept as it is.
 */
export async function resolveSource(
  ctx: Pick<Context, 'db' | 'clock' | 'cache' | 'lang'>,
  input: SourceInput,
): Promise<Source> {
  const trial = await loadTrial(ctx, input.trialId);
  if (input.cutId === null || input.cutId === undefined) {
    const asOf = today(ctx);
    const data = await ctx.cache.get(
      `dataset:${trial.id}:${asOf}`,
      await dataVersion(ctx.db, trial.id),
      // One dataset per trial and version serves every committee reader: loaded across centres.
      () => withAllCentres(ctx.db, async (all) => deepFreeze(await loadTrialDataset(all, trial, asOf))),
    );
    return { trial, data, cut: null };
  }
  const cut = await loadCut(ctx, trial.id, input.cutId);
  const data = await ctx.cache.get(`cut:${trial.id}:${cut.id}:${cut.contentHash}`, 0, () =>
    Promise.resolve(deepFreeze(parseSnapshot(cut))),
  );
  return { trial, data, cut: cutInfo(cut) };
}

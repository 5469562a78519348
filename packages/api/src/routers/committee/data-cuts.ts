// Data cuts: the PI or an administrator freezes the data as they stand at an as-of date; every committee
// view can then be shown for that cut. A cut is immutable (the database refuses updates and deletes) and
// carries the SHA-256 of its canonical JSON, which anyone with 'aggregate:read' can verify.
import { earliestClinicalDate, entryMessage, isoDateSchema, lineText } from '@trialdesk/domain';
import {
  dataCutLabelExists,
  insertDataCut,
  listDataCuts,
  loadTrialDataset,
  verifyDataCut,
} from '@trialdesk/db';
import { z } from 'zod';
import { nowIso, today } from '../../context.js';
import { invalidInput } from '../../errors.js';
import { compareDatasets } from '../../reports/compare-cuts.js';
import { audit, procedureWith, router } from '../../trpc.js';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { cutIdSchema, cutInfo, loadCut, parseSnapshot, resolveSource } from '../../reports/source.js';
import {
  createdCutOutput,
  cutComparisonOutput,
  cutDetailOutput,
  cutListOutput,
  cutVerificationOutput,
} from './data-cut-outputs.js';

export const createCutInput = z.strictObject({
  trialId: trialIdSchema,
  label: lineText(80, 3),
  asOf: isoDateSchema,
});

export const dataCutsRouter = router({
  create: procedureWith('datacut:create')
    .input(createCutInput)
    .output(createdCutOutput)
    .mutation(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      if (input.asOf > today(ctx))
        throw invalidInput({ asOf: ['The as-of date cannot be in the future'] }, 'datacut.as_of_future');
      // A cut before the trial could have data is a mistake (year 0000 was accepted): the same window as
      // every clinical date.
      const earliest = earliestClinicalDate(trial.definition);
      if (input.asOf < earliest)
        throw invalidInput(
          { asOf: [entryMessage('entry.date.tooEarly', ctx.lang, { date: earliest })] },
          'datacut.as_of_early',
        );
      const created = await ctx.db.transaction().execute(async (trx) => {
        if (await dataCutLabelExists(trx, trial.id, input.label))
          throw invalidInput({ label: ['A data cut with this label already exists'] }, 'datacut.label_taken');
        const data = await loadTrialDataset(trx, trial, input.asOf);
        const cut = await insertDataCut(trx, {
          trialId: trial.id,
          label: input.label,
          asOf: input.asOf,
          createdAt: nowIso(ctx),
          createdBy: { id: ctx.user.id, name: ctx.user.displayName },
          snapshot: data,
          participants: data.participants.length,
        });
        await audit(ctx, trx, {
          action: 'datacut.created',
          entityType: 'data_cut',
          entityId: String(cut.id),
          trialId: trial.id,
          centre: null,
          participant: null,
          before: null,
          after: {
            label: cut.label,
            asOf: cut.asOf,
            contentHash: cut.contentHash,
            participants: cut.participants,
            auditSeq: cut.auditSeq,
          },
          reason: null,
        });
        return cut;
      });
      ctx.live.publish({ trialId: trial.id, kind: 'datacut', centre: null, at: nowIso(ctx) });
      return { ...cutInfo(created), participants: created.participants, createdBy: created.createdBy };
    }),

  list: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(cutListOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      return { today: today(ctx), cuts: await listDataCuts(ctx.db, trial.id) };
    }),

  /** One cut: who froze it when, its as-of date and hash, and what it holds (counts, not rows). */
  get: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema, cutId: cutIdSchema }))
    .output(cutDetailOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const cut = await loadCut(ctx, trial.id, input.cutId);
      const data = parseSnapshot(cut);
      const ps = data.participants;
      return {
        ...cutInfo(cut),
        createdBy: cut.createdBy,
        synthetic: data.synthetic,
        bytes: Buffer.byteLength(cut.snapshot, 'utf8'),
        counts: {
          participants: ps.length,
          screenings: data.screenings.length,
          cycles: ps.reduce((n, p) => n + p.cycles.length, 0),
          assessments: ps.reduce((n, p) => n + p.assessments.length, 0),
          events: ps.reduce((n, p) => n + p.events.length, 0),
        },
      };
    }),

  verify: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema, cutId: cutIdSchema }))
    .output(cutVerificationOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const cut = await loadCut(ctx, trial.id, input.cutId);
      return { cut: cutInfo(cut), ...verifyDataCut(cut) };
    }),

  /** What is new in `to` (a later cut, or live data when null) compared with `from`. */
  compare: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema, fromCutId: cutIdSchema, toCutId: cutIdSchema.nullish() }))
    .output(cutComparisonOutput)
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      const from = await loadCut(ctx, trial.id, input.fromCutId);
      const to = await resolveSource(ctx, { trialId: trial.id, cutId: input.toCutId });
      return {
        from: cutInfo(from),
        to: to.cut,
        comparison: compareDatasets(
          parseSnapshot(from),
          to.data,
          trial.definition.centres.map((c) => c.code),
        ),
      };
    }),
});

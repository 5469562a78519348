// The screening log: each screened candidate under a pseudonymous number per centre, the list a centre
// keeps, and the funnel (screened → not eligible by criterion / declined / other / included) per centre.
import { centreOf, eligibilityRuleIds, screeningInput, type TrialDefinition } from '@trialdesk/domain';
import {
  insertScreening,
  listScreenings,
  nextScreeningNumber,
  parseCriteria,
  screeningFunnel,
  writeTransaction,
} from '@trialdesk/db';
import { z } from 'zod';
import { nowIso, today } from '../../context.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { audit, router } from '../../trpc.js';
import { centreCodeInput } from '../participants/schemas.js';
import { trialIdSchema } from '../../access/load-trial.js';
import { entryProcedure, FieldErrors, loadEntryTrial, publishChange, writeCentre } from './shared.js';

/** Failing criteria named on a screening must be criteria (or date rules) of this protocol. */
export function checkCriteriaKnown(errors: FieldErrors, def: TrialDefinition, ids: readonly string[]) {
  const known = new Set(eligibilityRuleIds(def));
  for (const id of ids) if (!known.has(id)) errors.add('failedCriteria', 'entry.criterion.unknown', { id });
}

const criterionText = (def: TrialDefinition, id: string) =>
  [...def.eligibility.inclusion, ...def.eligibility.exclusion].find((c) => c.id === id)?.text ?? {
    en: id === 'labDate' ? 'Laboratory values too old or after inclusion' : 'Consent after inclusion',
    nl: id === 'labDate' ? 'Laboratoriumwaarden te oud of na inclusie' : 'Consent na inclusie',
  };

export const screeningRouter = router({
  record: entryProcedure('clinical:write')
    .input(screeningInput)
    .mutation(async ({ ctx, input }) => {
      const trial = await loadEntryTrial(ctx, input.trialId);
      const def = trial.definition;
      const centre = writeCentre(ctx, def, input.centre);
      const errors = new FieldErrors(ctx.lang).notFuture('screeningDate', input.screeningDate, today(ctx));
      checkCriteriaKnown(errors, def, input.failedCriteria);
      errors.throwIfAny();
      const result = await writeTransaction(ctx.db, async (trx) => {
        const screeningNumber = await nextScreeningNumber(trx, def.id, centre);
        const values = {
          screeningDate: input.screeningDate,
          outcome: input.outcome,
          failedCriteria: input.failedCriteria,
          reason: input.reason,
        };
        await insertScreening(trx, {
          trial_id: def.id,
          centre,
          screening_number: screeningNumber,
          screening_date: input.screeningDate,
          outcome: input.outcome,
          failed_criteria: JSON.stringify(input.failedCriteria),
          reason: input.reason,
          participant_id: null,
          created_at: nowIso(ctx),
          created_by: ctx.user.id,
          voided_at: null,
          voided_by: null,
          void_reason: null,
        });
        await audit(ctx, trx, {
          action: 'screening.recorded',
          entityType: 'screening',
          entityId: screeningNumber,
          trialId: def.id,
          centre,
          participant: null,
          before: null,
          after: { screeningNumber, ...values },
          reason: null,
        });
        return { screeningNumber };
      });
      publishChange(ctx, def.id, 'screening', centre);
      return result;
    }),

  list: entryProcedure('participant:read')
    .input(
      z.object({
        trialId: trialIdSchema,
        centre: centreCodeInput.nullish(),
        page: z.number().int().min(0).max(100_000).default(0),
        pageSize: z.number().int().min(1).max(200).default(50),
      }),
    )
    .query(async ({ ctx, input }) => {
      const trial = await loadEntryTrial(ctx, input.trialId);
      const centre = scopedCentre(ctx, 'participant:read', input.centre);
      const { total, rows } = await listScreenings(ctx.db, trial.id, centre, {
        offset: input.page * input.pageSize,
        limit: input.pageSize,
      });
      return {
        total,
        synthetic: trial.synthetic,
        rows: rows.map((r) => ({
          screeningNumber: r.screening_number,
          centre: r.centre,
          screeningDate: r.screening_date,
          outcome: r.outcome,
          failedCriteria: parseCriteria(r.failed_criteria),
          reason: r.reason,
          studyId: r.study_id,
          voided: r.voided_at ? { at: r.voided_at, reason: r.void_reason } : null,
        })),
      };
    }),

  /** The screening funnel per centre, an aggregate for the dashboard. */
  funnel: entryProcedure('aggregate:read')
    .input(z.object({ trialId: trialIdSchema }))
    .query(async ({ ctx, input }) => {
      const trial = await loadEntryTrial(ctx, input.trialId);
      const def = trial.definition;
      const rows = await screeningFunnel(ctx.db, def.id, null);
      const order = def.centres.map((c) => c.code);
      rows.sort((a, b) => order.indexOf(a.centre) - order.indexOf(b.centre));
      const centres = rows.map((r) => ({
        centre: r.centre,
        name: centreOf(def, r.centre)?.name ?? r.centre,
        screened: r.screened,
        included: r.included,
        notEligible: r.notEligible,
        declined: r.declined,
        other: r.other,
        notEligibleByCriterion: Object.entries(r.notEligibleByCriterion)
          .map(([criterionId, count]) => ({ criterionId, text: criterionText(def, criterionId), count }))
          .sort((a, b) => b.count - a.count || a.criterionId.localeCompare(b.criterionId)),
      }));
      const sum = (k: 'screened' | 'included' | 'notEligible' | 'declined' | 'other') =>
        centres.reduce((s, c) => s + c[k], 0);
      return {
        synthetic: trial.synthetic,
        centres,
        total: {
          screened: sum('screened'),
          included: sum('included'),
          notEligible: sum('notEligible'),
          declined: sum('declined'),
          other: sum('other'),
        },
      };
    }),
});

// The committee's aggregate views (outcomes, safety, CONSORT) for live data or a data cut, and the
// per-participant endpoint table, which is participant-level data and needs 'participant:read'.
import {
  type LocalizedText,
  consortFlow,
  deriveEndpoints,
  endpointKindSchema,
  endpointReasonText,
  failureWordings,
  safetySummary,
} from '@trialdesk/domain';
import { z } from 'zod';
import { buildOutcomes } from '../../reports/build-outcomes.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { auditOutcomeView, requireOutcomeAccess } from '../../access/outcome-access.js';
import { procedureWith, router } from '../../trpc.js';
import { resolveSource, sourceInput, type Source } from '../../reports/source.js';
import { aggregateOutput } from '../declared-output.js';

function sourceMeta(s: Source) {
  return {
    trialId: s.trial.id,
    code: s.trial.definition.code,
    synthetic: s.data.synthetic,
    asOf: s.data.asOf,
    cut: s.cut,
  };
}

// Participant-level output, declared so that nothing beyond these fields can leave the server.
const participantEndpointsSchema = z.object({
  source: z.object({
    trialId: z.string(),
    code: z.string(),
    synthetic: z.boolean(),
    asOf: z.string(),
    cut: z
      .object({
        id: z.number(),
        label: z.string(),
        asOf: z.string(),
        createdAt: z.string(),
        contentHash: z.string(),
      })
      .nullable(),
  }),
  endpoints: z.array(z.object({ kind: endpointKindSchema, deathIsEvent: z.boolean() })),
  rows: z.array(
    z.object({
      studyId: z.string(),
      centre: z.string(),
      values: z.array(
        z.object({
          kind: endpointKindSchema,
          time: z.number().nullable(),
          event: z.boolean().nullable(),
          date: z.string().nullable(),
          reason: z.object({ en: z.string(), nl: z.string() }).nullable(),
        }),
      ),
    }),
  ),
  excluded: z.array(z.object({ studyId: z.string(), centre: z.string() })),
});

type SourceMeta = ReturnType<typeof sourceMeta>;

export const outcomesRouter = router({
  get: procedureWith('aggregate:read')
    .input(sourceInput)
    .output(aggregateOutput<{ source: SourceMeta; outcomes: ReturnType<typeof buildOutcomes> }>())
    .query(async ({ ctx, input }) => {
      const s = await resolveSource(ctx, input);
      requireOutcomeAccess(ctx.deps, s.trial);
      await auditOutcomeView(ctx.deps, s, 'outcomes');
      return { source: sourceMeta(s), outcomes: buildOutcomes(s.trial.definition, s.data) };
    }),

  participants: procedureWith('participant:read')
    .input(sourceInput)
    .output(participantEndpointsSchema)
    .query(async ({ ctx, input }) => {
      const s = await resolveSource(ctx, input);
      requireOutcomeAccess(ctx.deps, s.trial);
      await auditOutcomeView(ctx.deps, s, 'endpoints');
      const centre = scopedCentre(ctx.deps.actor, 'participant:read', null);
      const d = deriveEndpoints(s.trial.definition, s.data);
      const rows = d.analysed
        .filter((a) => centre === null || a.centre === centre)
        .map((a) => ({
          studyId: a.studyId,
          centre: a.centre,
          values: d.endpoints.map((e) => {
            const v = a.values[e.kind];
            return {
              kind: e.kind,
              time: v?.time ?? null,
              event: v?.event ?? null,
              date: v?.reason.date ?? null,
              reason: v
                ? { en: endpointReasonText(v.reason, 'en'), nl: endpointReasonText(v.reason, 'nl') }
                : null,
            };
          }),
        }));
      return {
        source: sourceMeta(s),
        endpoints: d.endpoints,
        rows,
        excluded: d.excluded.filter((x) => centre === null || x.centre === centre),
      };
    }),
});

export const safetyRouter = router({
  get: procedureWith('aggregate:read')
    .input(sourceInput)
    .output(aggregateOutput<{ source: SourceMeta; safety: ReturnType<typeof safetySummary> }>())
    .query(async ({ ctx, input }) => {
      const s = await resolveSource(ctx, input);
      return { source: sourceMeta(s), safety: safetySummary(s.trial.definition, s.data) };
    }),
});

export const consortRouter = router({
  get: procedureWith('aggregate:read')
    .input(sourceInput)
    .output(
      aggregateOutput<{
        source: SourceMeta;
        flow: ReturnType<typeof consortFlow>;
        criteria: Record<string, LocalizedText>;
      }>(),
    )
    .query(async ({ ctx, input }) => {
      const s = await resolveSource(ctx, input);
      const def = s.trial.definition;
      // Criterion id → what was wrong when it failed ("Platelets < 100 ×10⁹/L"), never the requirement.
      const criteria = failureWordings(def);
      return { source: sourceMeta(s), flow: consortFlow(def, s.data), criteria };
    }),
});

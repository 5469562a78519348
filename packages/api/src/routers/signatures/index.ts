// Electronic signatures: the PI signs a casebook or a data cut by re-entering their password; everyone who
// reads participants sees the signatures and whether each still holds (casebooks: their own centre's).
import { centreScope, signatureListInput, signCasebookInput, signDataCutInput } from '@trialdesk/domain';
import { z } from 'zod';
import { loadParticipant } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { confirmPassword } from '../../auth/confirm-password.js';
import { router } from '../../trpc.js';
import { signCasebook, signDataCut } from '../../use-cases/signatures/sign-casebook.js';
import { casebookStates, signaturesWithValidity } from '../../use-cases/signatures/signature-status.js';
import { entryProcedure } from '../entry/procedure.js';

const signed = z.object({
  signatureId: z.number(),
  signedAt: z.string(),
  dataHash: z.string(),
  meaning: z.string(),
});
const signatureView = z.object({
  id: z.number(),
  kind: z.string(),
  entityId: z.string(),
  centre: z.string().nullable(),
  meaning: z.string(),
  dataHash: z.string(),
  signerName: z.string(),
  signerRole: z.string(),
  signedAt: z.string(),
  valid: z.boolean(),
  latest: z.boolean(),
  synthetic: z.boolean(),
});

export const signaturesRouter = router({
  signCasebook: entryProcedure('casebook:sign')
    .input(signCasebookInput)
    .output(signed)
    .mutation(async ({ ctx, input }) => {
      await confirmPassword(ctx, input.password);
      return signCasebook(ctx.deps, input);
    }),
  signDataCut: entryProcedure('casebook:sign')
    .input(signDataCutInput)
    .output(signed)
    .mutation(async ({ ctx, input }) => {
      await confirmPassword(ctx, input.password);
      return signDataCut(ctx.deps, input);
    }),
  /** Signatures of the trial (or of one participant's casebook), newest first, each with its validity. */
  list: entryProcedure('participant:read')
    .input(signatureListInput)
    .output(z.object({ signatures: z.array(signatureView) }))
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      if (input.studyId !== undefined) {
        const p = await loadParticipant(ctx.deps, ctx.db, 'participant:read', trial.id, input.studyId);
        const signatures = await signaturesWithValidity(ctx.db, {
          trialId: trial.id,
          kind: 'casebook',
          entityId: p.studyId,
        });
        return { signatures };
      }
      const centre = centreScope(ctx.deps.actor, 'participant:read');
      const all = await signaturesWithValidity(ctx.db, { trialId: trial.id });
      // A coordinator sees their centre's casebooks and the trial's data cuts.
      return { signatures: all.filter((s) => centre === null || s.centre === null || s.centre === centre) };
    }),
  /** Every casebook with its state (unsigned, signed, invalidated): the PI's list before a data cut. */
  casebooks: entryProcedure('participant:read')
    .input(z.strictObject({ trialId: signatureListInput.shape.trialId }))
    .output(
      z.object({
        casebooks: z.array(
          z.object({
            studyId: z.string(),
            centre: z.string(),
            state: z.enum(['unsigned', 'signed', 'invalidated']),
            signature: signatureView.nullable(),
          }),
        ),
      }),
    )
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      return { casebooks: await casebookStates(ctx.db, ctx.deps, trial.id) };
    }),
});

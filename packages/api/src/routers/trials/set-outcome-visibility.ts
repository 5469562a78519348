// trials.setOutcomeVisibility: an administrator decides which roles see efficacy outcomes before the
// primary analysis, or records its release (use-cases/trials).
import { outcomeVisibilitySchema, setOutcomeVisibilityInput } from '@trialdesk/domain';
import { z } from 'zod';
import { setOutcomeVisibility } from '../../use-cases/trials/set-outcome-visibility.js';
import { entryProcedure } from '../entry/procedure.js';

export const setOutcomeVisibilityProcedure = entryProcedure('trial:configure')
  .input(setOutcomeVisibilityInput)
  .output(
    z.object({
      trialId: z.string(),
      outcomeVisibility: outcomeVisibilitySchema,
      previous: outcomeVisibilitySchema,
    }),
  )
  .mutation(({ ctx, input }) => setOutcomeVisibility(ctx.deps, input));

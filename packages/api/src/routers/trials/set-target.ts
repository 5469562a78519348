// trials.setTarget: an administrator changes the recruitment target, with a reason (use-cases/trials).
import { setTargetInput } from '@trialdesk/domain';
import { z } from 'zod';
import { setTarget } from '../../use-cases/trials/set-target.js';
import { entryProcedure } from '../entry/procedure.js';

export const setTargetProcedure = entryProcedure('trial:configure')
  .input(setTargetInput)
  .output(z.object({ trialId: z.string(), target: z.number(), previous: z.number(), included: z.number() }))
  .mutation(({ ctx, input }) => setTarget(ctx.deps, input));

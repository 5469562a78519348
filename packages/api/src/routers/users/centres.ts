import { listCentres } from '@trialdesk/db';
import { z } from 'zod';
import { procedureWith } from '../../trpc.js';
import { centreSchema } from '../../use-cases/users/schemas.js';

/** The centres a coordinator can be bound to. */
export const centresProcedure = procedureWith('user:manage')
  .output(z.array(centreSchema))
  .query(({ ctx }) => listCentres(ctx.db));

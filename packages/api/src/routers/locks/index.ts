// Locks: the data manager locks the trial, a participant or a record before an analysis and lifts a lock
// with a reason; everyone who reads participants sees the locks that concern them.
import { lockInput, lockListInput, unlockInput } from '@trialdesk/domain';
import { z } from 'zod';
import { router } from '../../trpc.js';
import { listLocksFor } from '../../use-cases/locks/list-locks.js';
import { lockData } from '../../use-cases/locks/lock-data.js';
import { unlockData } from '../../use-cases/locks/unlock-data.js';
import { entryProcedure } from '../entry/procedure.js';

const lockView = z.object({
  id: z.number(),
  scope: z.enum(['trial', 'participant', 'record']),
  studyId: z.string().nullable(),
  centre: z.string().nullable(),
  recordType: z.enum(['cycle', 'assessment', 'event']).nullable(),
  recordId: z.number().nullable(),
  targetLabel: z.string(),
  reason: z.string(),
  lockedAt: z.string(),
  lockedByName: z.string(),
  unlockedAt: z.string().nullable(),
  unlockedByName: z.string().nullable(),
  unlockReason: z.string().nullable(),
  synthetic: z.boolean(),
});

export const locksRouter = router({
  lock: entryProcedure('data:lock')
    .input(lockInput)
    .output(z.object({ lockId: z.number() }))
    .mutation(({ ctx, input }) => lockData(ctx.deps, input)),
  unlock: entryProcedure('data:lock')
    .input(unlockInput)
    .output(z.object({ lockId: z.number() }))
    .mutation(({ ctx, input }) => unlockData(ctx.deps, input)),
  list: entryProcedure('participant:read')
    .input(lockListInput)
    .output(z.object({ locks: z.array(lockView) }))
    .query(async ({ ctx, input }) => ({
      locks: await listLocksFor({ ...ctx.deps, db: ctx.db }, input),
    })),
});

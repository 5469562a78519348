// committee.meetings: the records of committee meetings, listed beside the data cuts for every role that
// reads aggregates; written and signed (re-entering the password) by the PI or a steering committee member.
import { meetingRecommendations, recordMeetingInput, signMeetingInput } from '@trialdesk/domain';
import { listMeetings } from '@trialdesk/db';
import { z } from 'zod';
import { loadTrial, trialIdSchema } from '../../access/load-trial.js';
import { procedureWith, router } from '../../trpc.js';
import { recordMeeting } from '../../use-cases/committee/record-meeting.js';
import { signMeeting } from '../../use-cases/committee/sign-meeting.js';
import { entryProcedure } from '../entry/procedure.js';

// What every meeting procedure answers: the stored record, with its signature once signed.
const meetingOutput = z.object({
  id: z.number(),
  trialId: z.string(),
  meetingDate: z.string(),
  attendees: z.array(z.string()),
  cutId: z.number(),
  cutHash: z.string(),
  recommendation: z.enum(meetingRecommendations),
  minutes: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  signature: z
    .object({
      signedAt: z.string(),
      signedBy: z.string().nullable(),
      signedById: z.number().nullable(),
      hash: z.string(),
    })
    .nullable(),
});

export const meetingsRouter = router({
  list: procedureWith('aggregate:read')
    .input(z.strictObject({ trialId: trialIdSchema }))
    .output(z.object({ meetings: z.array(meetingOutput) }))
    .query(async ({ ctx, input }) => {
      const trial = await loadTrial(ctx, input.trialId);
      return { meetings: await listMeetings(ctx.db, trial.id) };
    }),

  record: entryProcedure('meeting:record')
    .input(recordMeetingInput)
    .output(meetingOutput)
    .mutation(({ ctx, input }) => recordMeeting(ctx.deps, input)),

  sign: entryProcedure('meeting:record')
    .input(signMeetingInput)
    .output(meetingOutput)
    .mutation(({ ctx, input }) => signMeeting(ctx, input)),
});

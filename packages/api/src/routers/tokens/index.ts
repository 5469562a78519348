// Personal API tokens: every user lists, creates and revokes their own on the account page; an
// administrator sees and revokes everyone's. A token is shown once, on creation. Requests made with a token
// cannot reach any of these writes (a token reads only: trpc.ts).
import { listApiTokens } from '@trialdesk/db';
import { apiTokenIdSchema, createApiTokenInput, isInstanceAdmin } from '@trialdesk/domain';
import { z } from 'zod';
import { passwordChangeRequired } from '../../errors.js';
import { authedProcedure, procedureWith, router, type AuthedContext } from '../../trpc.js';
import { issueApiToken, revokeToken } from '../../use-cases/tokens/issue-token.js';

const tokenOutput = z.object({
  id: z.number(),
  userId: z.number(),
  username: z.string(),
  displayName: z.string(),
  prefix: z.string(),
  label: z.string(),
  scope: z.literal('read'),
  createdAt: z.string(),
  expiresAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});

const actorOf = (ctx: AuthedContext) => ({
  userId: ctx.user.id,
  username: ctx.user.username,
  role: ctx.user.role,
  ip: ctx.ip,
});

export const tokensRouter = router({
  /** The caller's own tokens, newest first (revoked and expired ones included, marked as such). */
  mine: authedProcedure.output(z.array(tokenOutput)).query(({ ctx }) => listApiTokens(ctx.db, ctx.user.id)),

  /** Every user's tokens (administrator). */
  all: procedureWith('user:manage')
    .output(z.array(tokenOutput))
    .query(({ ctx }) => listApiTokens(ctx.db, null)),

  create: authedProcedure
    .input(createApiTokenInput)
    .output(
      z.object({
        id: z.number(),
        token: z.string(),
        prefix: z.string(),
        label: z.string(),
        expiresAt: z.string(),
      }),
    )
    .mutation(({ ctx, input }) => {
      // A held account may do nothing but change its password; a token would outlive that hold.
      if (ctx.user.mustChangePassword) throw passwordChangeRequired();
      return issueApiToken(ctx.db, ctx.user, input, ctx.clock(), actorOf(ctx));
    }),

  revoke: authedProcedure
    .input(z.strictObject({ tokenId: apiTokenIdSchema }))
    .output(tokenOutput)
    .mutation(({ ctx, input }) =>
      revokeToken(
        ctx.db,
        { id: ctx.user.id, isAdmin: isInstanceAdmin(ctx.user), lang: ctx.lang },
        input.tokenId,
        ctx.clock(),
        actorOf(ctx),
      ),
    ),
});

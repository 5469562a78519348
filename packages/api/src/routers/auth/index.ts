import { endSession } from '@trialdesk/db';
import { lineText } from '@trialdesk/domain';
import { z } from 'zod';
import { newPasswordSchema } from '../../auth/account-schemas.js';
import { changePassword } from '../../auth/change-password.js';
import { login } from '../../auth/login.js';
import { auditOwnAccount } from '../../auth/own-password.js';
import { loadProfile, profileOutput } from '../../auth/profile.js';
import { nowIso, SESSION_COOKIE } from '../../context.js';
import { authedProcedure, publicProcedure, router } from '../../trpc.js';

export const loginInput = z.strictObject({
  username: lineText(100),
  password: z.string().min(1).max(200),
});
export { newPasswordSchema };

export const authRouter = router({
  login: publicProcedure
    .input(loginInput)
    .output(profileOutput)
    .mutation(({ ctx, input }) => login(ctx, input)),

  logout: authedProcedure.output(z.object({ ok: z.literal(true) })).mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (trx) => {
      await endSession(trx, ctx.user.sessionId, nowIso(ctx), 'logout');
      await auditOwnAccount(ctx, trx, { action: 'auth.logout', after: null });
    });
    ctx.cookies.clear(SESSION_COOKIE);
    return { ok: true as const };
  }),

  /** The account, and its role in each trial it is a member of (read afresh on every call). */
  me: authedProcedure.output(profileOutput).query(({ ctx }) => loadProfile(ctx.db, ctx.user)),

  changePassword: authedProcedure
    .input(z.strictObject({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema }))
    .output(z.object({ ok: z.literal(true), sessionsEnded: z.number() }))
    .mutation(({ ctx, input }) => changePassword(ctx, input)),
});

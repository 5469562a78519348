import {
  endSession,
  endUserSessions,
  findUserById,
  hashPassword,
  updateUser,
  verifyPassword,
} from '@trialdesk/db';
import { z } from 'zod';
import { login } from '../../auth/login.js';
import { nowIso, SESSION_COOKIE } from '../../context.js';
import { AppError } from '../../errors.js';
import { audit, authedProcedure, publicProcedure, router } from '../../trpc.js';

export const loginInput = z.object({
  username: z.string().trim().min(1).max(100),
  password: z.string().min(1).max(200),
});
export const newPasswordSchema = z.string().min(12, 'Use at least 12 characters').max(200);

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(({ ctx, input }) => login(ctx, input)),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    await ctx.db.transaction().execute(async (trx) => {
      await endSession(trx, ctx.user.sessionId, nowIso(ctx), 'logout');
      await audit(ctx, trx, {
        action: 'auth.logout',
        entityType: 'user',
        entityId: String(ctx.user.id),
        trialId: null,
        centre: ctx.user.centre,
        participant: null,
        before: null,
        after: null,
        reason: null,
      });
    });
    ctx.cookies.clear(SESSION_COOKIE);
    return { ok: true as const };
  }),

  me: authedProcedure.query(({ ctx }) => {
    const { id, username, displayName, role, centre } = ctx.user;
    return { id, username, displayName, role, centre };
  }),

  changePassword: authedProcedure
    .input(z.object({ currentPassword: z.string().min(1).max(200), newPassword: newPasswordSchema }))
    .mutation(async ({ ctx, input }) => {
      const user = await findUserById(ctx.db, ctx.user.id);
      if (!user || !(await verifyPassword(input.currentPassword, user.password_hash)))
        throw new AppError(
          'BAD_REQUEST',
          'auth.wrong_current_password',
          'The current password is not right.',
          { fields: { currentPassword: ['The current password is not right.'] } },
        );
      const hash = await hashPassword(input.newPassword);
      await ctx.db.transaction().execute(async (trx) => {
        await updateUser(trx, ctx.user.id, { passwordHash: hash }, nowIso(ctx));
        await endUserSessions(trx, ctx.user.id, nowIso(ctx), 'password_changed', ctx.user.sessionId);
        await audit(ctx, trx, {
          action: 'auth.password_changed',
          entityType: 'user',
          entityId: String(ctx.user.id),
          trialId: null,
          centre: ctx.user.centre,
          participant: null,
          before: null,
          after: null,
          reason: null,
        });
      });
      return { ok: true as const };
    }),
});

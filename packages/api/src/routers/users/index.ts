// Accounts, for administrators ('user:manage'). Accounts are never deleted, only deactivated. Every change
// is audited in its own transaction with before and after values (never a password or hash), and a change
// that alters what a user may do (password reset, deactivation, role or centre) ends that user's sessions
// in the same transaction.
import {
  endUserSessions,
  hashPassword,
  insertUser,
  listCentres,
  listUsers,
  updateUser,
  type UserRow,
} from '@trialdesk/db';
import type { AuditAction, Role } from '@trialdesk/domain';
import { z } from 'zod';
import { nowIso } from '../../context.js';
import { AppError } from '../../errors.js';
import { audit, procedureWith, router, type AuthedContext } from '../../trpc.js';
import {
  assertAnotherActiveAdmin,
  assertRoleAndCentre,
  assertUsernameFree,
  cannotDeactivateSelf,
  loadUser,
  resetOwnPassword,
} from './rules.js';
import {
  centreSchema,
  createUserInput,
  resetPasswordInput,
  updateUserInput,
  userIdInput,
  userSchema,
} from './schemas.js';

type Db = AuthedContext['db'];

/** What the audit trail keeps of an account: everything an inspector needs, no secret. */
function snapshot(u: Pick<UserRow, 'username' | 'display_name' | 'role' | 'centre' | 'active'>) {
  return {
    username: u.username,
    displayName: u.display_name,
    role: u.role,
    centre: u.centre,
    active: u.active === 1,
  };
}

function auditUser(
  ctx: AuthedContext,
  trx: Db,
  action: AuditAction,
  user: Pick<UserRow, 'id' | 'centre'>,
  before: unknown,
  after: unknown,
) {
  return audit(ctx, trx, {
    action,
    entityType: 'user',
    entityId: String(user.id),
    trialId: null,
    centre: user.centre,
    participant: null,
    before,
    after,
    reason: null,
  });
}

const okResult = z.object({ id: z.number(), sessionsEnded: z.number() });

export const usersRouter = router({
  list: procedureWith('user:manage')
    .output(z.array(userSchema))
    .query(({ ctx }) => listUsers(ctx.db)),

  /** The centres a coordinator can be bound to. */
  centres: procedureWith('user:manage')
    .output(z.array(centreSchema))
    .query(({ ctx }) => listCentres(ctx.db)),

  create: procedureWith('user:manage')
    .input(createUserInput)
    .output(z.object({ id: z.number() }))
    .mutation(async ({ ctx, input }) => {
      const centre = input.centre ?? null;
      // Hash outside the transaction: scrypt takes tens of milliseconds and must not hold the write lock.
      const passwordHash = await hashPassword(input.password);
      const id = await ctx.db.transaction().execute(async (trx) => {
        await assertRoleAndCentre(trx, input.role, centre);
        await assertUsernameFree(trx, input.username);
        const fields = { username: input.username, displayName: input.displayName, role: input.role, centre };
        // The administrator knows this password: the user must replace it at the first login.
        const newId = await insertUser(
          trx,
          { ...fields, passwordHash, mustChangePassword: true },
          nowIso(ctx),
        );
        const after = snapshot({ ...fields, display_name: input.displayName, active: 1 });
        await auditUser(ctx, trx, 'user.created', { id: newId, centre }, null, after);
        return newId;
      });
      return { id };
    }),

  update: procedureWith('user:manage')
    .input(updateUserInput)
    .output(okResult.extend({ changed: z.boolean() }))
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, input.userId);
        const role: Role = input.role ?? (user.role as Role);
        // A coordinator keeps their centre unless told otherwise; any other role has none.
        const centre =
          input.centre !== undefined ? input.centre : role === 'coordinator' ? user.centre : null;
        const displayName = input.displayName ?? user.display_name;
        await assertRoleAndCentre(trx, role, centre);
        const accessChanged = role !== user.role || centre !== user.centre;
        if (!accessChanged && displayName === user.display_name)
          return { id: user.id, changed: false, sessionsEnded: 0 };
        if (role !== 'admin') await assertAnotherActiveAdmin(trx, user);
        const now = nowIso(ctx);
        await updateUser(trx, user.id, { displayName, role, centre }, now);
        const sessionsEnded = accessChanged ? await endUserSessions(trx, user.id, now, 'access_changed') : 0;
        const after = snapshot({ ...user, display_name: displayName, role, centre });
        await auditUser(ctx, trx, 'user.updated', { id: user.id, centre }, snapshot(user), {
          ...after,
          sessionsEnded,
        });
        return { id: user.id, changed: true, sessionsEnded };
      }),
    ),

  resetPassword: procedureWith('user:manage')
    .input(resetPasswordInput)
    .output(okResult)
    .mutation(async ({ ctx, input }) => {
      if (input.userId === ctx.user.id) throw resetOwnPassword();
      const passwordHash = await hashPassword(input.newPassword);
      return ctx.db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, input.userId);
        const now = nowIso(ctx);
        await updateUser(trx, user.id, { passwordHash, mustChangePassword: true }, now);
        const sessionsEnded = await endUserSessions(trx, user.id, now, 'password_reset');
        await auditUser(
          ctx,
          trx,
          'user.password_reset',
          user,
          { passwordChangedAt: user.password_changed_at },
          { passwordChangedAt: now, sessionsEnded },
        );
        return { id: user.id, sessionsEnded };
      });
    }),

  deactivate: procedureWith('user:manage')
    .input(userIdInput)
    .output(okResult)
    .mutation(({ ctx, input }) => {
      if (input.userId === ctx.user.id) throw cannotDeactivateSelf();
      return ctx.db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, input.userId);
        if (user.active !== 1)
          throw new AppError('CONFLICT', 'user.already_inactive', `${user.username} is already deactivated.`);
        await assertAnotherActiveAdmin(trx, user);
        const now = nowIso(ctx);
        await updateUser(trx, user.id, { active: false }, now);
        const sessionsEnded = await endUserSessions(trx, user.id, now, 'deactivated');
        await auditUser(ctx, trx, 'user.deactivated', user, snapshot(user), {
          ...snapshot({ ...user, active: 0 }),
          sessionsEnded,
        });
        return { id: user.id, sessionsEnded };
      });
    }),

  reactivate: procedureWith('user:manage')
    .input(userIdInput)
    .output(okResult)
    .mutation(({ ctx, input }) =>
      ctx.db.transaction().execute(async (trx) => {
        const user = await loadUser(trx, input.userId);
        if (user.active === 1)
          throw new AppError('CONFLICT', 'user.already_active', `${user.username} is already active.`);
        await updateUser(trx, user.id, { active: true }, nowIso(ctx));
        await auditUser(ctx, trx, 'user.reactivated', user, snapshot(user), snapshot({ ...user, active: 1 }));
        return { id: user.id, sessionsEnded: 0 };
      }),
    ),
});

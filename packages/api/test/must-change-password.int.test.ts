// A password an administrator set (creation, reset) must be changed by its user before anything else
// opens: every procedure except the session's own (me, logout, changePassword) answers FORBIDDEN with the
// stable key 'auth.password_change_required', whatever the role; the change lifts it at once.
import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../src/errors.js';
import { appRouter } from '../src/root.js';
import type { Meta } from '../src/trpc.js';
import { fieldsOf, signIn } from './auth-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const SET_BY_ADMIN = 'set-by-the-admin-1';
const CHOSEN = 'chosen-by-the-user-2';

interface ProcedureLike {
  _def: { meta?: Meta };
}
const guarded = Object.entries(
  (appRouter._def as unknown as { procedures: Record<string, ProcedureLike> }).procedures,
)
  .filter(([, p]) => !['public', 'authenticated'].includes(p._def.meta?.permission ?? ''))
  .map(([path]) => path);

async function outcomeOf(caller: unknown, path: string): Promise<string> {
  const fn = path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], caller) as (
    input: unknown,
  ) => Promise<unknown>;
  try {
    const result = await fn({ trialId: 'pump-iii' });
    if (result && typeof (result as AsyncIterator<unknown>).return === 'function')
      await (result as AsyncIterator<unknown>).return?.();
    return 'ok';
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.key}`;
    return e instanceof TRPCError ? e.code : 'other';
  }
}

describe('must change password', () => {
  it('a new account (an administrator, so every permission would hold) opens nothing but its own session', async () => {
    const admin = await signIn(h, 'admin');
    await admin.users.create({
      username: 'admin2',
      displayName: 'Second',
      role: 'admin',
      password: SET_BY_ADMIN,
    });
    const jar = (await signIn(h, 'admin2', SET_BY_ADMIN)).jar;
    const fresh = await h.caller(jar);
    expect(await fresh.auth.me()).toMatchObject({ username: 'admin2', mustChangePassword: true });
    expect(guarded.length).toBeGreaterThan(30);
    for (const path of guarded)
      expect(`${path}: ${await outcomeOf(fresh, path)}`).toBe(
        `${path}: FORBIDDEN auth.password_change_required`,
      );

    await fresh.auth.changePassword({ currentPassword: SET_BY_ADMIN, newPassword: CHOSEN });
    const changed = await h.caller(jar);
    expect(await changed.auth.me()).toMatchObject({ mustChangePassword: false });
    const list = await changed.users.list();
    expect(list.find((u) => u.username === 'admin2')).toMatchObject({ mustChangePassword: false });
    expect((await changed.trials.list()).length).toBeGreaterThan(0);
  });

  it('a reset sets it again; logging in says so, and logout still works', async () => {
    const admin = await signIn(h, 'admin');
    const id = (await admin.users.list()).find((u) => u.username === 'coord-avl')?.id ?? -1;
    expect((await admin.users.list()).find((u) => u.id === id)?.mustChangePassword).toBe(false);
    await admin.users.resetPassword({ userId: id, newPassword: SET_BY_ADMIN });
    expect((await admin.users.list()).find((u) => u.id === id)?.mustChangePassword).toBe(true);

    const login = await (await h.caller()).auth.login({ username: 'coord-avl', password: SET_BY_ADMIN });
    expect(login).toMatchObject({ username: 'coord-avl', mustChangePassword: true });
    const coord = await signIn(h, 'coord-avl', SET_BY_ADMIN);
    const refused = await expectCode(coord.participants.list({ trialId: 'pump-iii' }), 'FORBIDDEN');
    expect(refused).toHaveProperty('key', 'auth.password_change_required');
    await coord.auth.logout();
    await expectCode(coord.auth.me(), 'UNAUTHORIZED');
  });

  it('a wrong current password does not lift it', async () => {
    const admin = await signIn(h, 'admin');
    const id = (await admin.users.list()).find((u) => u.username === 'monitor')?.id ?? -1;
    await admin.users.resetPassword({ userId: id, newPassword: SET_BY_ADMIN });
    const monitor = await signIn(h, 'monitor', SET_BY_ADMIN);
    await expectCode(
      monitor.auth.changePassword({ currentPassword: 'not-it', newPassword: CHOSEN }),
      'BAD_REQUEST',
    );
    // Nor does "changing" it to itself: the administrator would still know it.
    const same = await expectCode(
      monitor.auth.changePassword({ currentPassword: SET_BY_ADMIN, newPassword: SET_BY_ADMIN }),
      'BAD_REQUEST',
    );
    expect(same).toHaveProperty('key', 'auth.same_password');
    expect(fieldsOf(same)).toEqual({ newPassword: ['Choose a password different from the current one.'] });
    expect(await monitor.auth.me()).toMatchObject({ mustChangePassword: true });
    await expectCode(monitor.trials.list(), 'FORBIDDEN');
  });

  it('demo accounts and the accounts an administrator did not set a password for are not held', async () => {
    const pi = await signIn(h, 'pi');
    expect(await pi.auth.me()).toMatchObject({ mustChangePassword: false });
    expect((await pi.trials.list()).length).toBeGreaterThan(0);
  });
});

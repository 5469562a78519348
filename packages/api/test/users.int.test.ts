// Accounts, as an administrator manages them: create, change role or centre, reset a password, deactivate
// and reactivate. Never deleted; every change audited without a secret; access changes end sessions.
import { DEMO_PASSWORD, findUserByUsername } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';
import { fieldsOf, signIn } from './auth-helpers.js';
import { auditCount, lastAudit, parsed, snapshotCounts } from './audit-helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const NEW_PASSWORD = 'a-long-enough-passphrase';

async function idOf(username: string): Promise<number> {
  const user = await findUserByUsername(h.open.db, username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

async function login(username: string, password: string) {
  return (await h.caller()).auth.login({ username, password });
}

describe('users.list', () => {
  it('lists every account with declared fields only, never a hash', async () => {
    const admin = await signIn(h, 'admin');
    const users = await admin.users.list();
    expect(users.map((u) => u.username).sort()).toEqual(
      [
        'admin',
        'coord-avl',
        'coord-emc',
        'coord-ijsselland',
        'monitor',
        'pi',
        'pi-steering',
        'steering',
      ].sort(),
    );
    for (const u of users)
      expect(Object.keys(u).sort()).toEqual(
        [
          'active',
          'centre',
          'createdAt',
          'displayName',
          'email',
          'id',
          'lastLoginAt',
          'mustChangePassword',
          'passwordChangedAt',
          'role',
          'username',
        ].sort(),
      );
    expect(JSON.stringify(users)).not.toContain('scrypt$');
    // The admin just logged in; the monitor never did.
    expect(users.find((u) => u.username === 'admin')?.lastLoginAt).toBe(h.clock.now.toISOString());
    expect(users.find((u) => u.username === 'monitor')?.lastLoginAt).toBeNull();
    expect(users.find((u) => u.username === 'coord-avl')?.centre).toBe('AVL');
  });

  it('lists the centres a coordinator can be bound to', async () => {
    const admin = await signIn(h, 'admin');
    const codes = (await admin.users.centres()).map((c) => c.code);
    expect(codes).toEqual(expect.arrayContaining(['AVL', 'EMC', 'IJS']));
  });
});

describe('users.create', () => {
  it('creates a coordinator who can log in, audited without the password', async () => {
    const admin = await signIn(h, 'admin');
    const { id } = await admin.users.create({
      username: '  New.Coord ',
      displayName: 'New coordinator',
      role: 'coordinator',
      centre: 'emc',
      password: NEW_PASSWORD,
    });
    const me = await login('new.coord', NEW_PASSWORD);
    expect(me).toMatchObject({ id, username: 'new.coord', role: 'coordinator', centre: 'EMC' });

    const entry = await lastAudit(h, 'user.created');
    expect(entry).toMatchObject({ username: 'admin', role: 'admin', entity_id: String(id), centre: 'EMC' });
    expect(parsed(entry.before)).toBeNull();
    expect(parsed(entry.after)).toEqual({
      username: 'new.coord',
      displayName: 'New coordinator',
      role: 'coordinator',
      centre: 'EMC',
      active: true,
    });
    const all = await h.open.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(all)).not.toContain(NEW_PASSWORD);
    expect(JSON.stringify(all)).not.toContain('scrypt$');
  });

  it('refuses bad input field by field and writes nothing', async () => {
    const admin = await signIn(h, 'admin');
    const before = await snapshotCounts(h);
    const base = {
      username: 'someone',
      displayName: 'Someone',
      role: 'coordinator' as const,
      centre: 'EMC',
      password: NEW_PASSWORD,
    };
    const cases: [Partial<typeof base> & Record<string, unknown>, string][] = [
      [{ centre: undefined }, 'centre'],
      [{ centre: 'XYZ' }, 'centre'],
      [{ role: 'pi', centre: 'EMC' } as never, 'centre'],
      [{ password: 'short-11-ch' }, 'password'],
      [{ username: 'no spaces allowed' }, 'username'],
      [{ username: 'ab' }, 'username'],
      [{ username: 'PI' }, 'username'], // taken, compared case-insensitively
      [{ displayName: '   ' }, 'displayName'],
      [{ role: 'superuser' } as never, 'role'],
    ];
    for (const [change, field] of cases) {
      const error = await expectCode(admin.users.create({ ...base, ...change }), 'BAD_REQUEST');
      expect(fieldsOf(error)).toHaveProperty([field]);
    }
    expect(await snapshotCounts(h)).toEqual(before);
  });
});

describe('users.update', () => {
  it("ends the user's sessions when the role changes, and unbinds the centre", async () => {
    const coordinator = await signIn(h, 'coord-emc');
    const id = await idOf('coord-emc');
    const admin = await signIn(h, 'admin');
    const result = await admin.users.update({ userId: id, role: 'monitor' });
    expect(result).toEqual({ id, changed: true, sessionsEnded: 1 });
    await expectCode(coordinator.auth.me(), 'UNAUTHORIZED');
    const user = await findUserByUsername(h.open.db, 'coord-emc');
    expect(user).toMatchObject({ role: 'monitor', centre: null });
    const entry = await lastAudit(h, 'user.updated');
    expect(parsed(entry.before)).toMatchObject({ role: 'coordinator', centre: 'EMC' });
    expect(parsed(entry.after)).toMatchObject({ role: 'monitor', centre: null, sessionsEnded: 1 });
  });

  it("changes a coordinator's default centre only: the trial memberships decide what they see", async () => {
    const coordinator = await signIn(h, 'coord-emc');
    const admin = await signIn(h, 'admin');
    await admin.users.update({ userId: await idOf('coord-emc'), centre: 'AVL' });
    await expectCode(coordinator.participants.list({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
    const again = await signIn(h, 'coord-emc');
    const list = await again.participants.list({ trialId: 'pump-iii' });
    expect(new Set(list.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
  });

  it('keeps sessions for a display-name change and reports no-op updates', async () => {
    const coordinator = await signIn(h, 'coord-emc');
    const admin = await signIn(h, 'admin');
    const id = await idOf('coord-emc');
    expect(await admin.users.update({ userId: id, displayName: 'Renamed' })).toEqual({
      id,
      changed: true,
      sessionsEnded: 0,
    });
    expect((await coordinator.auth.me()).displayName).toBe('Renamed');
    const count = await auditCount(h);
    expect(await admin.users.update({ userId: id, displayName: 'Renamed' })).toMatchObject({
      changed: false,
    });
    expect(await auditCount(h)).toBe(count);
  });

  it('refuses a coordinator without a centre, an unknown centre, and an unknown user', async () => {
    const admin = await signIn(h, 'admin');
    const pi = await idOf('pi');
    const before = await snapshotCounts(h);
    const e1 = await expectCode(admin.users.update({ userId: pi, role: 'coordinator' }), 'BAD_REQUEST');
    expect(fieldsOf(e1)).toHaveProperty(['centre']);
    await expectCode(admin.users.update({ userId: pi, role: 'coordinator', centre: 'XYZ' }), 'BAD_REQUEST');
    await expectCode(admin.users.update({ userId: pi, centre: 'EMC' }), 'BAD_REQUEST');
    await expectCode(admin.users.update({ userId: 99_999, displayName: 'Nobody' }), 'NOT_FOUND');
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await findUserByUsername(h.open.db, 'pi')).toMatchObject({ role: 'pi', centre: null });
  });

  it('never removes the last active administrator', async () => {
    const admin = await signIn(h, 'admin');
    const adminId = await idOf('admin');
    const error = await expectCode(admin.users.update({ userId: adminId, role: 'pi' }), 'CONFLICT');
    expect(error).toHaveProperty('key', 'user.last_admin');
    expect(error.message).toContain('last active administrator');
    expect(await findUserByUsername(h.open.db, 'admin')).toMatchObject({ role: 'admin' });

    // With a second administrator the first may step down (their own sessions end with the change);
    // the second then is the last and cannot.
    const { id: second } = await admin.users.create({
      username: 'admin2',
      displayName: 'Second admin',
      role: 'admin',
      password: NEW_PASSWORD,
    });
    await admin.users.update({ userId: adminId, role: 'pi' });
    await expectCode(admin.auth.me(), 'UNAUTHORIZED');
    const admin2 = await signIn(h, 'admin2', NEW_PASSWORD);
    // The password the first administrator set must be replaced before admin2 can do anything else.
    await admin2.auth.changePassword({ currentPassword: NEW_PASSWORD, newPassword: `${NEW_PASSWORD}-own` });
    await expectCode(admin2.users.update({ userId: second, role: 'monitor' }), 'CONFLICT');
    expect(await findUserByUsername(h.open.db, 'admin2')).toMatchObject({ role: 'admin', active: true });
  });
});

describe('users.resetPassword', () => {
  it('sets a new password, ends the sessions, and audits no secret', async () => {
    const monitor = await signIn(h, 'monitor');
    const admin = await signIn(h, 'admin');
    const id = await idOf('monitor');
    expect(await admin.users.resetPassword({ userId: id, newPassword: NEW_PASSWORD })).toEqual({
      id,
      sessionsEnded: 1,
    });
    await expectCode(monitor.auth.me(), 'UNAUTHORIZED');
    await expectCode(login('monitor', DEMO_PASSWORD), 'UNAUTHORIZED');
    expect((await login('monitor', NEW_PASSWORD)).username).toBe('monitor');
    const entry = await lastAudit(h, 'user.password_reset');
    expect(`${entry.before}${entry.after}`).not.toMatch(/a-long-enough|scrypt\$|trialdesk-demo/);
    expect(parsed(entry.after)).toEqual({ passwordChangedAt: h.clock.now.toISOString(), sessionsEnded: 1 });
  });

  it('refuses a short password and an admin resetting their own', async () => {
    const admin = await signIn(h, 'admin');
    const e = await expectCode(
      admin.users.resetPassword({ userId: await idOf('monitor'), newPassword: 'too-short' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(e)).toHaveProperty(['newPassword']);
    const own = await expectCode(
      admin.users.resetPassword({ userId: await idOf('admin'), newPassword: NEW_PASSWORD }),
      'BAD_REQUEST',
    );
    expect(own).toHaveProperty('key', 'user.reset_own_password');
    expect((await login('admin', DEMO_PASSWORD)).username).toBe('admin');
  });
});

describe('users.deactivate and reactivate', () => {
  it('deactivates (never deletes), ends sessions, refuses login; reactivation lets the user back in', async () => {
    const steering = await signIn(h, 'steering');
    const admin = await signIn(h, 'admin');
    const id = await idOf('steering');
    expect(await admin.users.deactivate({ userId: id })).toEqual({ id, sessionsEnded: 1 });
    await expectCode(steering.auth.me(), 'UNAUTHORIZED');
    const refused = await expectCode(login('steering', DEMO_PASSWORD), 'UNAUTHORIZED');
    expect(refused.message).toBe('Wrong username or password.');
    expect(await findUserByUsername(h.open.db, 'steering')).toMatchObject({ active: false });
    expect(parsed((await lastAudit(h, 'user.deactivated')).after)).toMatchObject({
      active: false,
      sessionsEnded: 1,
    });

    await expectCode(admin.users.deactivate({ userId: id }), 'CONFLICT');
    await admin.users.reactivate({ userId: id });
    expect((await login('steering', DEMO_PASSWORD)).role).toBe('steering');
    expect(parsed((await lastAudit(h, 'user.reactivated')).after)).toMatchObject({ active: true });
    await expectCode(admin.users.reactivate({ userId: id }), 'CONFLICT');
  });

  it('refuses an administrator deactivating their own account', async () => {
    const admin = await signIn(h, 'admin');
    const error = await expectCode(admin.users.deactivate({ userId: await idOf('admin') }), 'BAD_REQUEST');
    expect(error).toHaveProperty('key', 'user.deactivate_self');
    expect((await admin.auth.me()).username).toBe('admin');
  });

  it('refuses bad ids', async () => {
    const admin = await signIn(h, 'admin');
    await expectCode(admin.users.deactivate({ userId: -1 }), 'BAD_REQUEST');
    await expectCode(admin.users.deactivate({ userId: 99_999 }), 'NOT_FOUND');
    await expectCode(admin.users.reactivate({ userId: 99_999 }), 'NOT_FOUND');
  });
});

describe('only administrators manage accounts', () => {
  it.each(['pi', 'coord-emc', 'steering', 'monitor'])('%s is refused every users procedure', async (name) => {
    const caller = await signIn(h, name);
    const target = await idOf('monitor');
    const before = await snapshotCounts(h);
    await expectCode(caller.users.list(), 'FORBIDDEN');
    await expectCode(caller.users.centres(), 'FORBIDDEN');
    await expectCode(
      caller.users.create({
        username: 'intruder',
        displayName: 'Intruder',
        role: 'admin',
        password: NEW_PASSWORD,
      }),
      'FORBIDDEN',
    );
    await expectCode(caller.users.update({ userId: target, role: 'admin' }), 'FORBIDDEN');
    await expectCode(caller.users.resetPassword({ userId: target, newPassword: NEW_PASSWORD }), 'FORBIDDEN');
    await expectCode(caller.users.deactivate({ userId: target }), 'FORBIDDEN');
    await expectCode(caller.users.reactivate({ userId: target }), 'FORBIDDEN');
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await findUserByUsername(h.open.db, 'monitor')).toMatchObject({ role: 'monitor', active: true });
  });
});

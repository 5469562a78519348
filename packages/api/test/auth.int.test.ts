// Login, logout and password change: the answers an attacker gets must not tell accounts apart, failed
// logins are counted per account and per address and audited, and a password change ends other sessions.
import { DEMO_PASSWORD, sessionIdOf } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/context.js';
import { AppError } from '../src/errors.js';
import { createHarness, expectCode, MemoryCookieJar, type Harness } from './harness.js';
import { auditRows, lastAudit, parsed, snapshotCounts } from './audit-helpers.js';
import { fieldsOf, signIn } from './auth-helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const tryLogin = async (username: string, password: string, ip = '127.0.0.1') =>
  (await h.caller(new MemoryCookieJar(), ip)).auth.login({ username, password });

const minutes = (n: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + n * 60_000);
};

describe('auth.login', () => {
  it('starts a server-side session: the cookie holds a random token, the database only its hash', async () => {
    const jar = new MemoryCookieJar();
    const me = await (await h.caller(jar)).auth.login({ username: ' Coord-EMC ', password: DEMO_PASSWORD });
    expect(me).toEqual({
      id: expect.any(Number) as number,
      username: 'coord-emc',
      displayName: 'Demo coordinator Erasmus MC',
      role: 'coordinator',
      centre: 'EMC',
      mustChangePassword: false,
      memberships: [
        { trialId: 'artery-2', role: 'coordinator', centre: 'EMC' },
        { trialId: 'pump-iii', role: 'coordinator', centre: 'EMC' },
      ],
    });
    const token = jar.get(SESSION_COOKIE) ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, base64url
    const stored = await h.open.db.selectFrom('sessions').select('id').execute();
    expect(stored.map((s) => s.id)).toContain(sessionIdOf(token));
    expect(stored.map((s) => s.id)).not.toContain(token);
    expect(await (await h.caller(jar)).auth.me()).toEqual(me);
    const entry = await lastAudit(h, 'auth.login');
    expect(entry).toMatchObject({
      username: 'coord-emc',
      role: 'coordinator',
      centre: 'EMC',
      ip: '127.0.0.1',
    });
  });

  it('answers an unknown user, a wrong password and a deactivated account identically', async () => {
    await h.open.db.updateTable('users').set({ active: 0 }).where('username', '=', 'monitor').execute();
    const answers = await Promise.all(
      [
        ['nobody', DEMO_PASSWORD],
        ['pi', 'wrong-password'],
        ['monitor', DEMO_PASSWORD],
      ].map(async ([u, p]) => expectCode(tryLogin(u ?? '', p ?? ''), 'UNAUTHORIZED')),
    );
    const shapes = answers.map((e) => ({
      code: e.code,
      message: e.message,
      key: e instanceof AppError ? e.key : null,
    }));
    expect(shapes[0]).toEqual({
      code: 'UNAUTHORIZED',
      message: 'Wrong username or password.',
      key: 'auth.invalid_credentials',
    });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
    // …but the audit trail, for the inspector, says which it was.
    const reasons = (await auditRows(h, 'auth.login_failed')).map(
      (r) => (parsed(r.after) as { reason: string }).reason,
    );
    expect(reasons.sort()).toEqual(['inactive', 'unknown_user', 'wrong_password']);
  });

  it('keeps a name that is not an account out of the audit trail and the failure table', async () => {
    // A password typed into the username box.
    const typed = 'Tr0ub4dor&3-secret';
    await expectCode(tryLogin(typed, 'pi'), 'UNAUTHORIZED');
    await expectCode(tryLogin('pi', 'wrong'), 'UNAUTHORIZED');
    const after = (await auditRows(h, 'auth.login_failed')).map((r) => parsed(r.after));
    expect(after).toHaveLength(2);
    expect(after).toEqual(
      expect.arrayContaining([
        { username: null, reason: 'unknown_user' },
        { username: 'pi', reason: 'wrong_password' },
      ]),
    );
    const stored = JSON.stringify([
      await h.open.db.selectFrom('audit_log').selectAll().execute(),
      await h.open.db.selectFrom('login_failures').selectAll().execute(),
    ]);
    expect(stored.toLowerCase()).not.toContain(typed.toLowerCase());
    // It still counts towards the limit for that name, as any name does.
    for (let i = 0; i < 4; i++) await expectCode(tryLogin(typed, 'x', `10.0.1.${i}`), 'UNAUTHORIZED');
    await expectCode(tryLogin(typed, 'x', '10.0.1.9'), 'TOO_MANY_REQUESTS');
  });

  it('records every failed login, and a successful one clears the account count', async () => {
    await expectCode(tryLogin('pi', 'nope-1'), 'UNAUTHORIZED');
    await expectCode(tryLogin('pi', 'nope-2'), 'UNAUTHORIZED');
    const failures = () => h.open.db.selectFrom('login_failures').selectAll().execute();
    // The typed name is kept as its SHA-256 (independently: printf pi | sha256sum).
    const piKey = 'sha256:85b42e1702877c851eb7412fe958c8fb447c3207b4798fadab42ea8539046ce1';
    expect((await failures()).map((f) => [f.username, f.ip])).toEqual([
      [piKey, '127.0.0.1'],
      [piKey, '127.0.0.1'],
    ]);
    await tryLogin('pi', DEMO_PASSWORD);
    expect(await failures()).toEqual([]);
  });

  it('refuses an account after 5 failures in 15 minutes, even with the right password, from any address', async () => {
    for (let i = 0; i < 5; i++) await expectCode(tryLogin('pi', `guess-${i}`, `10.0.0.${i}`), 'UNAUTHORIZED');
    const limited = await expectCode(tryLogin('pi', DEMO_PASSWORD, '10.0.0.99'), 'TOO_MANY_REQUESTS');
    expect(limited.message).toBe('Too many failed logins. Try again in 15 minutes.');
    expect(limited).toHaveProperty('key', 'auth.rate_limited');
    // Other accounts are not affected.
    expect((await tryLogin('monitor', DEMO_PASSWORD, '10.0.0.99')).username).toBe('monitor');
    // The window slides from the latest failure: the refused attempt itself counts.
    minutes(14);
    await expectCode(tryLogin('pi', DEMO_PASSWORD), 'TOO_MANY_REQUESTS');
    minutes(16);
    expect((await tryLogin('pi', DEMO_PASSWORD)).username).toBe('pi');
  });

  it('limits an unknown username exactly like a real one', async () => {
    for (let i = 0; i < 5; i++) {
      await expectCode(tryLogin('ghost', `guess-${i}`), 'UNAUTHORIZED');
      await expectCode(tryLogin('pi', `guess-${i}`), 'UNAUTHORIZED');
    }
    const ghost = await expectCode(tryLogin('ghost', 'x'), 'TOO_MANY_REQUESTS');
    const real = await expectCode(tryLogin('pi', 'x'), 'TOO_MANY_REQUESTS');
    expect(ghost.message).toBe(real.message);
  });

  // 21 password checks at production cost: slow on a busy machine, never decided by time.
  it(
    'refuses an address after 20 failures across accounts, but not other addresses',
    { timeout: 120_000 },
    async () => {
      for (let i = 0; i < 20; i++)
        await expectCode(tryLogin(`user${i}`, 'spray', '192.0.2.7'), 'UNAUTHORIZED');
      await expectCode(tryLogin('pi', DEMO_PASSWORD, '192.0.2.7'), 'TOO_MANY_REQUESTS');
      expect((await tryLogin('pi', DEMO_PASSWORD, '192.0.2.8')).username).toBe('pi');
      const limited = await auditRows(h, 'auth.login_failed');
      expect((parsed(limited[0]?.after ?? null) as { reason: string }).reason).toBe('rate_limited');
    },
  );

  it('refuses bad input without counting it as a failure', async () => {
    const before = await snapshotCounts(h);
    await expectCode(tryLogin('', DEMO_PASSWORD), 'BAD_REQUEST');
    await expectCode(tryLogin('pi', ''), 'BAD_REQUEST');
    // A very long password would make scrypt a denial-of-service tool: refused before hashing.
    await expectCode(tryLogin('pi', 'x'.repeat(201)), 'BAD_REQUEST');
    expect(await snapshotCounts(h)).toEqual(before);
  });

  it('replaces the session a browser already had', async () => {
    const jar = new MemoryCookieJar();
    await (await h.caller(jar)).auth.login({ username: 'pi', password: DEMO_PASSWORD });
    const first = jar.get(SESSION_COOKIE) ?? '';
    await (await h.caller(jar)).auth.login({ username: 'monitor', password: DEMO_PASSWORD });
    const old = await h.open.db
      .selectFrom('sessions')
      .select(['ended_at', 'end_reason'])
      .where('id', '=', sessionIdOf(first))
      .executeTakeFirstOrThrow();
    expect(old).toEqual({ ended_at: h.clock.now.toISOString(), end_reason: 'replaced' });
    expect((await (await h.caller(jar)).auth.me()).username).toBe('monitor');
  });
});

describe('auth.me, logout and changePassword need a session', () => {
  it('answers UNAUTHORIZED without one', async () => {
    const anonymous = await h.caller();
    await expectCode(anonymous.auth.me(), 'UNAUTHORIZED');
    await expectCode(anonymous.auth.logout(), 'UNAUTHORIZED');
    await expectCode(
      anonymous.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'x'.repeat(20) }),
      'UNAUTHORIZED',
    );
  });
});

describe('auth.logout', () => {
  it('ends the session, clears the cookie and is audited', async () => {
    const pi = await signIn(h, 'pi');
    const token = pi.jar.get(SESSION_COOKIE) ?? '';
    await pi.auth.logout();
    expect(pi.jar.get(SESSION_COOKIE)).toBeUndefined();
    // The old token, replayed, is refused.
    const replay = new MemoryCookieJar();
    replay.set(SESSION_COOKIE, token);
    await expectCode((await h.caller(replay)).auth.me(), 'UNAUTHORIZED');
    expect(await lastAudit(h, 'auth.logout')).toMatchObject({ username: 'pi', role: 'pi' });
  });
});

describe('auth.changePassword', () => {
  const NEW = 'correct-horse-battery';

  it('changes the password, keeps this session and ends the others', async () => {
    const here = await signIn(h, 'coord-avl');
    const elsewhere = await signIn(h, 'coord-avl', DEMO_PASSWORD, '10.1.1.1');
    expect(await here.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW })).toEqual({
      ok: true,
      sessionsEnded: 1,
    });
    expect((await here.auth.me()).username).toBe('coord-avl');
    await expectCode(elsewhere.auth.me(), 'UNAUTHORIZED');
    await expectCode(tryLogin('coord-avl', DEMO_PASSWORD), 'UNAUTHORIZED');
    expect((await tryLogin('coord-avl', NEW)).username).toBe('coord-avl');
    const entry = await lastAudit(h, 'auth.password_changed');
    expect(`${entry.before}${entry.after}`).not.toContain(NEW);
  });

  it('refuses a wrong current password (counted and audited) and a short new one', async () => {
    const pi = await signIn(h, 'pi');
    const wrong = await expectCode(
      pi.auth.changePassword({ currentPassword: 'not-it', newPassword: NEW }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(wrong)).toEqual({ currentPassword: ['The current password is not right.'] });
    expect((parsed((await lastAudit(h, 'auth.login_failed')).after) as { reason: string }).reason).toBe(
      'wrong_current_password',
    );
    const short = await expectCode(
      pi.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'elevenchars' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(short)).toHaveProperty(['newPassword']);
    expect((await tryLogin('pi', DEMO_PASSWORD)).username).toBe('pi');
  });

  it('stops guessing the current password after the account limit', async () => {
    const pi = await signIn(h, 'pi');
    for (let i = 0; i < 5; i++)
      await expectCode(pi.auth.changePassword({ currentPassword: `g${i}`, newPassword: NEW }), 'BAD_REQUEST');
    await expectCode(
      pi.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: NEW }),
      'TOO_MANY_REQUESTS',
    );
  });
});

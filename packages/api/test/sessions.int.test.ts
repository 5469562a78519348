// Sessions end: after 30 idle minutes, 12 hours after login whatever happens, and at once on logout,
// password change or reset, role or centre change and deactivation. An ended session never returns.
import { DEMO_PASSWORD, sessionIdOf } from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../src/context.js';
import { createHarness, expectCode, MemoryCookieJar, type Harness } from './harness.js';
import { signIn } from './auth-helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const advance = (ms: number) => {
  h.clock.now = new Date(h.clock.now.getTime() + ms);
};
const MIN = 60_000;

async function sessionRow(jar: MemoryCookieJar) {
  return h.open.db
    .selectFrom('sessions')
    .selectAll()
    .where('id', '=', sessionIdOf(jar.get(SESSION_COOKIE) ?? ''))
    .executeTakeFirstOrThrow();
}

describe('idle expiry (30 minutes)', () => {
  it('keeps a session that is used, and ends one left alone for 30 minutes (and one touch interval)', async () => {
    const pi = await signIn(h, 'pi');
    advance(29 * MIN + 59_000);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(29 * MIN);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(31 * MIN);
    await expectCode(pi.auth.me(), 'UNAUTHORIZED');
    expect(await sessionRow(pi.jar)).toMatchObject({
      ended_at: h.clock.now.toISOString(),
      end_reason: 'idle',
    });
  });

  it('ends the session at 30 idle minutes plus the one-minute touch interval, for every procedure', async () => {
    const coordinator = await signIn(h, 'coord-emc');
    advance(31 * MIN);
    await expectCode(coordinator.participants.list({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
  });

  it('never ends a session used within the limit, whatever the touch interval skipped', async () => {
    // Used 59 s after login (not written: within the touch interval), then 29 min 30 s later: it was used
    // 29 min 30 s ago, so it lives, although the stored last-seen time is 30 min 29 s old.
    const pi = await signIn(h, 'pi');
    advance(59_000);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(29 * MIN + 30_000);
    expect((await pi.auth.me()).username).toBe('pi');
  });

  it('does not come back when the clock is turned back', async () => {
    const pi = await signIn(h, 'pi');
    advance(31 * MIN);
    await expectCode(pi.auth.me(), 'UNAUTHORIZED');
    advance(-31 * MIN);
    await expectCode(pi.auth.me(), 'UNAUTHORIZED');
  });
});

describe('idle expiry (1 minute)', () => {
  it('a session used 26 s ago lives; one left alone a minute and its 2 s touch interval ends', async () => {
    await h.close();
    h = await createHarness({ auth: { idleMinutes: 1 } });
    const pi = await signIn(h, 'pi');
    advance(34_000);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(26_000);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(MIN + 1_999);
    expect((await pi.auth.me()).username).toBe('pi');
    advance(MIN + 2_000);
    await expectCode(pi.auth.me(), 'UNAUTHORIZED');
    expect(await sessionRow(pi.jar)).toMatchObject({ end_reason: 'idle' });
  });
});

describe('absolute expiry (12 hours)', () => {
  it('ends even a busy session 12 hours after login', async () => {
    const monitor = await signIn(h, 'monitor');
    for (let elapsed = 0; elapsed < 11 * 60 + 40; elapsed += 20) {
      advance(20 * MIN);
      expect((await monitor.auth.me()).username).toBe('monitor');
    }
    // 11 h 40 min after login: 19 minutes more is still within both limits…
    advance(19 * MIN);
    expect((await monitor.auth.me()).username).toBe('monitor');
    // …and at 12 h it ends, though it was used a minute ago.
    advance(1 * MIN);
    await expectCode(monitor.auth.me(), 'UNAUTHORIZED');
    expect(await sessionRow(monitor.jar)).toMatchObject({ end_reason: 'expired' });
  });

  it('sets the cookie lifetime to the absolute limit', async () => {
    let maxAge: number | undefined;
    const jar = new (class extends MemoryCookieJar {
      override set(name: string, value: string, options?: { maxAgeSeconds?: number }) {
        maxAge = options?.maxAgeSeconds;
        super.set(name, value);
      }
    })();
    await (await h.caller(jar)).auth.login({ username: 'pi', password: DEMO_PASSWORD });
    expect(maxAge).toBe(12 * 3600);
  });
});

describe('ended sessions', () => {
  it('logout ends the session', async () => {
    const pi = await signIn(h, 'pi');
    const kept = new MemoryCookieJar();
    kept.set(SESSION_COOKIE, pi.jar.get(SESSION_COOKIE) ?? '');
    await pi.auth.logout();
    // The browser drops the cookie; a copy of it, replayed, is refused too.
    await expectCode(pi.overview.get({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
    await expectCode((await h.caller(kept)).overview.get({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
    expect(await sessionRow(kept)).toMatchObject({ end_reason: 'logout' });
  });

  it('a password change in one session ends the others', async () => {
    const victim = await signIn(h, 'pi');
    const owner = await signIn(h, 'pi', DEMO_PASSWORD, '10.2.2.2');
    await owner.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'another-long-password' });
    await expectCode(victim.overview.get({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
    expect(await sessionRow(victim.jar)).toMatchObject({ end_reason: 'password_changed' });
    expect((await owner.auth.me()).username).toBe('pi');
  });

  it('an administrator ending access ends every session of that user, with the reason recorded', async () => {
    const admin = await signIn(h, 'admin');
    const users = await admin.users.list();
    const id = (name: string) => users.find((u) => u.username === name)?.id ?? -1;
    const cases = [
      ['coord-emc', () => admin.users.deactivate({ userId: id('coord-emc') }), 'deactivated'],
      [
        'coord-avl',
        () => admin.users.resetPassword({ userId: id('coord-avl'), newPassword: 'reset-to-something' }),
        'password_reset',
      ],
      ['monitor', () => admin.users.update({ userId: id('monitor'), role: 'steering' }), 'access_changed'],
      [
        'coord-ijsselland',
        () => admin.users.update({ userId: id('coord-ijsselland'), centre: 'EMC' }),
        'access_changed',
      ],
    ] as const;
    for (const [username, act, reason] of cases) {
      const one = await signIn(h, username);
      const two = await signIn(h, username, DEMO_PASSWORD, '10.9.9.9');
      await act();
      await expectCode(one.auth.me(), 'UNAUTHORIZED');
      await expectCode(two.auth.me(), 'UNAUTHORIZED');
      expect(await sessionRow(one.jar)).toMatchObject({ end_reason: reason });
      expect(await sessionRow(two.jar)).toMatchObject({ end_reason: reason });
    }
    expect((await admin.auth.me()).username).toBe('admin');
  });

  it('a deactivation made outside the API still ends the session at the next request', async () => {
    const pi = await signIn(h, 'pi');
    await h.open.db.updateTable('users').set({ active: 0 }).where('username', '=', 'pi').execute();
    await expectCode(pi.auth.me(), 'UNAUTHORIZED');
    expect(await sessionRow(pi.jar)).toMatchObject({ end_reason: 'deactivated' });
  });
});

describe('cookies that are not a session', () => {
  it.each([
    ['garbage', 'not-a-token'],
    ['empty', ''],
    ['far too long', 'A'.repeat(5000)],
    ['a token that was never issued', 'x'.repeat(43)],
  ])('%s → UNAUTHORIZED', async (_what, value) => {
    const jar = new MemoryCookieJar();
    jar.set(SESSION_COOKIE, value);
    await expectCode((await h.caller(jar)).auth.me(), 'UNAUTHORIZED');
    await expectCode((await h.caller(jar)).participants.list({ trialId: 'pump-iii' }), 'UNAUTHORIZED');
  });
});

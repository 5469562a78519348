// A live stream ends when its session ends (logout, deactivation, password reset, role change, expiry) and
// a coordinator's stream carries only their own centre's notices and trial-wide ones. The streams re-read
// their session every 20 ms here (5 s in production); the tests wait for the end, they never time it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ChangeNotice } from '../src/live.js';
import { signIn } from './auth-helpers.js';
import { createHarness, type Harness } from './harness.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness({ liveSessionCheckMs: 20 });
});
afterEach(() => h.close());

const trialId = 'pump-iii';
const notice = (centre: string | null, kind: ChangeNotice['kind'] = 'inclusion'): ChangeNotice => ({
  trialId,
  kind,
  centre,
  at: h.clock.now.toISOString(),
});

type Caller = Awaited<ReturnType<typeof signIn>>;

/** Opens a stream and waits until it listens, so that nothing published afterwards can be missed. */
async function open(caller: Caller) {
  const before = h.live.subscribers;
  const stream = (await caller.live.onChange({ trialId })) as AsyncIterable<unknown>;
  const it = stream[Symbol.asyncIterator]();
  const first = it.next();
  await vi.waitFor(() => expect(h.live.subscribers).toBe(before + 1), { timeout: 60_000, interval: 5 });
  return { it, first };
}

// A tracked() notice reaches a server-side caller as [id, data].
const dataOf = (r: IteratorResult<unknown>) => (r.value as [string, unknown] | undefined)?.[1];

describe('what a stream carries', () => {
  it("a coordinator hears their own centre's notices and trial-wide ones, never another centre's", async () => {
    const coord = await signIn(h, 'coord-emc');
    const { it, first } = await open(coord);
    h.live.publish(notice('AVL'));
    h.live.publish(notice('EMC'));
    h.live.publish(notice('NKI', 'assessment'));
    h.live.publish(notice(null, 'datacut'));
    expect(dataOf(await first)).toMatchObject({ kind: 'inclusion', centre: 'EMC' });
    expect(dataOf(await it.next())).toMatchObject({ kind: 'datacut', centre: null });
    await it.return?.();
  });

  it('locks and signatures reach the stream like every other change', async () => {
    const pi = await signIn(h, 'pi');
    const { it, first } = await open(pi);
    h.live.publish(notice('EMC', 'lock'));
    h.live.publish(notice(null, 'signature'));
    expect(dataOf(await first)).toMatchObject({ kind: 'lock', centre: 'EMC' });
    expect(dataOf(await it.next())).toMatchObject({ kind: 'signature', centre: null });
    await it.return?.();
  });

  it('the PI hears every centre, and no notice names a participant', async () => {
    const pi = await signIn(h, 'pi');
    const { it, first } = await open(pi);
    h.live.publish(notice('AVL'));
    const data = dataOf(await first);
    expect(data).toEqual({ kind: 'inclusion', centre: 'AVL', at: h.clock.now.toISOString() });
    await it.return?.();
  });
});

describe('a stream ends with its session', () => {
  it('on logout', async () => {
    const pi = await signIn(h, 'pi');
    const { first } = await open(pi);
    await pi.auth.logout();
    expect(await first).toMatchObject({ done: true });
    expect(h.live.subscribers).toBe(0);
  });

  it.each([
    ['deactivation', 'coord-emc', (a: Caller, id: number) => a.users.deactivate({ userId: id })],
    [
      'password reset',
      'coord-avl',
      (a: Caller, id: number) => a.users.resetPassword({ userId: id, newPassword: 'reset-to-something' }),
    ],
    ['role change', 'monitor', (a: Caller, id: number) => a.users.update({ userId: id, role: 'steering' })],
  ] as const)('on %s by an administrator', async (_what, username, change) => {
    const user = await signIn(h, username);
    const admin = await signIn(h, 'admin');
    const id = (await admin.users.list()).find((u) => u.username === username)?.id ?? -1;
    const { first } = await open(user);
    await change(admin, id);
    expect(await first).toMatchObject({ done: true });
  });

  it('on expiry: the notice after the idle limit is not delivered', async () => {
    const pi = await signIn(h, 'pi');
    const { first } = await open(pi);
    h.clock.now = new Date(h.clock.now.getTime() + 32 * 60_000);
    h.live.publish(notice('EMC'));
    expect(await first).toMatchObject({ done: true });
  });
});

// Every write and its audit entry are one transaction: when either fails, neither is kept. A failure is
// forced with a trigger on a raw connection, once on the audit insert (the change must roll back) and
// once on the change's second statement (the audit row must not appear).
import { DEMO_PASSWORD, findUserByUsername } from '@trialdesk/db';
import { failWritesTo, stopFailingWritesTo } from '@trialdesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, expectCode, type Harness } from './harness.js';
import { snapshotCounts } from './audit-helpers.js';
import { signIn } from './auth-helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

const failOn = (table: string, op: 'INSERT' | 'UPDATE') => failWritesTo(h.open.db, table, op);
const idOf = async (username: string) => (await findUserByUsername(h.open.db, username))?.id ?? -1;

describe('when the audit entry cannot be written, the change is not kept', () => {
  beforeEach(async () => {
    // Sessions first: logging in writes to the trail too.
    await signIn(h, 'admin');
  });

  it('users.create, users.update, users.deactivate, users.resetPassword', async () => {
    const admin = await signIn(h, 'admin');
    const monitor = await idOf('monitor');
    const before = await snapshotCounts(h);
    const userBefore = await findUserByUsername(h.open.db, 'monitor');
    await failOn('audit_log', 'INSERT');
    const password = 'long-enough-password';
    await expectCode(
      admin.users.create({ username: 'newbie', displayName: 'N', role: 'pi', password }),
      'INTERNAL_SERVER_ERROR',
    );
    await expectCode(admin.users.update({ userId: monitor, role: 'steering' }), 'INTERNAL_SERVER_ERROR');
    await expectCode(admin.users.deactivate({ userId: monitor }), 'INTERNAL_SERVER_ERROR');
    await expectCode(
      admin.users.resetPassword({ userId: monitor, newPassword: password }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await findUserByUsername(h.open.db, 'newbie')).toBeUndefined();
    expect(await findUserByUsername(h.open.db, 'monitor')).toEqual(userBefore);
  });

  it('auth.login and auth.logout', async () => {
    const pi = await signIn(h, 'pi');
    const before = await snapshotCounts(h);
    await failOn('audit_log', 'INSERT');
    await expectCode(
      (await h.caller()).auth.login({ username: 'monitor', password: DEMO_PASSWORD }),
      'INTERNAL_SERVER_ERROR',
    );
    await expectCode(pi.auth.logout(), 'INTERNAL_SERVER_ERROR');
    expect(await snapshotCounts(h)).toEqual(before);
    // The logout did not happen: the session is still good.
    expect((await pi.auth.me()).username).toBe('pi');
  });

  it('auth.changePassword', async () => {
    const pi = await signIn(h, 'pi');
    await failOn('audit_log', 'INSERT');
    await expectCode(
      pi.auth.changePassword({ currentPassword: DEMO_PASSWORD, newPassword: 'a-brand-new-password' }),
      'INTERNAL_SERVER_ERROR',
    );
    await stopFailingWritesTo(h.open.db, 'audit_log', 'INSERT');
    expect((await (await h.caller()).auth.login({ username: 'pi', password: DEMO_PASSWORD })).username).toBe(
      'pi',
    );
  });

  it('audit.exportCsv', async () => {
    const admin = await signIn(h, 'admin');
    const before = await snapshotCounts(h);
    await failOn('audit_log', 'INSERT');
    await expectCode(admin.audit.exportCsv({}), 'INTERNAL_SERVER_ERROR');
    expect(await snapshotCounts(h)).toEqual(before);
  });
});

describe('when the change fails part-way, no audit entry is left', () => {
  it('users.deactivate: the account update is undone and nothing is audited', async () => {
    const admin = await signIn(h, 'admin');
    await signIn(h, 'monitor');
    const before = await snapshotCounts(h);
    // Ending the sessions is the deactivation's second statement: make it fail.
    await failOn('sessions', 'UPDATE');
    await expectCode(admin.users.deactivate({ userId: await idOf('monitor') }), 'INTERNAL_SERVER_ERROR');
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await findUserByUsername(h.open.db, 'monitor')).toMatchObject({ active: true });
  });

  it('users.update (role change): the role stays and nothing is audited', async () => {
    const admin = await signIn(h, 'admin');
    await signIn(h, 'pi'); // an open session, so that ending it is a real statement
    const before = await snapshotCounts(h);
    await failOn('sessions', 'UPDATE');
    await expectCode(
      admin.users.update({ userId: await idOf('pi'), role: 'monitor' }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await findUserByUsername(h.open.db, 'pi')).toMatchObject({ role: 'pi' });
  });

  it('auth.login: no session and no login entry', async () => {
    const before = await snapshotCounts(h);
    await failOn('sessions', 'INSERT');
    await expectCode(
      (await h.caller()).auth.login({ username: 'pi', password: DEMO_PASSWORD }),
      'INTERNAL_SERVER_ERROR',
    );
    expect(await snapshotCounts(h)).toEqual(before);
  });
});

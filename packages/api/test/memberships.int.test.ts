// Trial memberships (issue 10 §3): an account acts in a trial with the role (and centre) of its membership
// there; administrators manage memberships, every change is audited, history is kept, and a change applies
// to open sessions at their next request.
import {
  DEMO_PASSWORD,
  findUserByUsername,
  hashPassword,
  insertUser,
  TEST_ONLY_PASSWORD_COST,
  verifyAuditChain,
} from '@trialdesk/db';
import { failWritesTo } from '@trialdesk/db/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createContext } from '../src/context.js';
import { createCaller } from '../src/root.js';
import type { MemoryCookieJar } from './harness.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { fieldsOf, signIn } from './auth-helpers.js';
import { auditRows, lastAudit, parsed, snapshotCounts } from './audit-helpers.js';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});
afterEach(() => h.close());

async function idOf(username: string): Promise<number> {
  const user = await findUserByUsername(h.open.db, username);
  if (!user) throw new Error(`no user ${username}`);
  return user.id;
}

/** A caller in Dutch for the session in `jar`. */
async function dutchCaller(jar: MemoryCookieJar) {
  return createCaller(
    await createContext({ db: h.open.db, clock: () => h.clock.now, live: h.live, cookies: jar, lang: 'nl' }),
  );
}

/** A fresh account with no membership (its own password, so nothing holds it on the account page). */
async function newAccount(username: string, role: 'pi' | 'monitor' = 'monitor'): Promise<number> {
  const passwordHash = await hashPassword(DEMO_PASSWORD, TEST_ONLY_PASSWORD_COST);
  return insertUser(
    h.open.db,
    { username, displayName: `${username} (synthetic)`, passwordHash, role, centre: null },
    h.clock.now.toISOString(),
  );
}

describe('one person, two trials, two roles (demo account pi-steering)', () => {
  it('is PI of ARTERY-2 and steering committee of PUMP-III, and sees both trials', async () => {
    const user = await signIn(h, 'pi-steering');
    const me = await user.auth.me();
    expect(me.memberships).toEqual([
      { trialId: 'artery-2', role: 'pi', centre: null },
      { trialId: 'pump-iii', role: 'steering', centre: null },
    ]);
    expect((await user.trials.list()).map((t) => t.id).sort()).toEqual(['artery-2', 'pump-iii']);
    // As PI of ARTERY-2: participants and the audit trail of that trial.
    expect((await user.participants.list({ trialId: 'artery-2' })).total).toBeGreaterThan(0);
    expect((await user.audit.list({ trialId: 'artery-2' })).rows.length).toBeGreaterThan(0);
    // As steering committee of PUMP-III: aggregates only.
    expect((await user.overview.get({ trialId: 'pump-iii' })).inclusion.included).toBe(45);
    await expectCode(user.participants.list({ trialId: 'pump-iii' }), 'FORBIDDEN');
    await expectCode(user.audit.list({ trialId: 'pump-iii' }), 'FORBIDDEN');
    await expectCode(
      user.committee.dataCuts.create({ trialId: 'pump-iii', label: 'x1x', asOf: '2026-11-01' }),
      'FORBIDDEN',
    );
  });

  it('reads, without a trial filter, only the audit entries of the trials where it is PI', async () => {
    const user = await signIn(h, 'pi-steering');
    const rows = (await user.audit.list({ limit: 200 })).rows;
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.trialId))).toEqual(new Set(['artery-2']));
    const csv = await user.audit.exportCsv({});
    expect(csv.csv).not.toContain(',pump-iii,');
    expect(csv.rows).toBe(
      (await h.open.db.selectFrom('audit_log').select('seq').where('trial_id', '=', 'artery-2').execute())
        .length,
    );
  });
});

describe('an account without a membership', () => {
  it('sees no trial, and every trial answers as one that does not exist', async () => {
    await newAccount('nobody');
    const user = await signIn(h, 'nobody');
    expect(await user.trials.list()).toEqual([]);
    expect((await user.auth.me()).memberships).toEqual([]);
    const known = await expectCode(user.overview.get({ trialId: 'pump-iii' }), 'NOT_FOUND');
    const unknown = await expectCode(user.overview.get({ trialId: 'no-such-trial' }), 'NOT_FOUND');
    expect(known.message).toBe(unknown.message);
    expect(fieldsOf(known)).toEqual(fieldsOf(unknown));
    // Nothing grants the trail without a membership that reads it.
    await expectCode(user.audit.verify(), 'FORBIDDEN');
    await expectCode(user.audit.list({}), 'FORBIDDEN');
  });
});

describe('users.setMembership', () => {
  it('gives access at the next request of an open session, audited, and lists it', async () => {
    const id = await newAccount('newcomer');
    const user = await signIn(h, 'newcomer');
    await expectCode(user.overview.get({ trialId: 'artery-2' }), 'NOT_FOUND');
    const admin = await signIn(h, 'admin');
    expect(await admin.users.setMembership({ userId: id, trialId: 'artery-2', role: 'monitor' })).toEqual({
      userId: id,
      trialId: 'artery-2',
      changed: true,
    });
    // The same session, without logging in again.
    expect((await user.participants.list({ trialId: 'artery-2' })).total).toBeGreaterThan(0);
    expect((await user.trials.list()).map((t) => t.id)).toEqual(['artery-2']);
    await expectCode(user.overview.get({ trialId: 'pump-iii' }), 'NOT_FOUND');

    const entry = await lastAudit(h, 'membership.set');
    expect(entry).toMatchObject({
      username: 'admin',
      role: 'admin',
      trial_id: 'artery-2',
      entity_type: 'membership',
    });
    expect(parsed(entry.before)).toBeNull();
    expect(parsed(entry.after)).toEqual({ userId: id, username: 'newcomer', role: 'monitor', centre: null });
    expect(await admin.users.memberships({ userId: id })).toEqual([
      expect.objectContaining({
        trialId: 'artery-2',
        trialCode: 'ARTERY-2',
        role: 'monitor',
        centre: null,
        createdBy: 'admin',
        endedAt: null,
        endedBy: null,
      }),
    ]);
  });

  it('changes a role by ending the old membership and keeping it as history', async () => {
    const admin = await signIn(h, 'admin');
    const coord = await signIn(h, 'coord-emc');
    const id = await idOf('coord-emc');
    await admin.users.setMembership({ userId: id, trialId: 'artery-2', role: 'coordinator', centre: 'avl' });
    const list = await coord.participants.list({ trialId: 'artery-2' });
    expect(new Set(list.rows.map((r) => r.centre))).toEqual(new Set(['AVL']));
    // The other trial keeps its own membership.
    const pump = await coord.participants.list({ trialId: 'pump-iii' });
    expect(new Set(pump.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));

    const history = (await admin.users.memberships({ userId: id })).filter((m) => m.trialId === 'artery-2');
    expect(history.map((m) => [m.centre, m.endedBy])).toEqual([
      ['AVL', null],
      ['EMC', 'admin'],
    ]);
    const entry = await lastAudit(h, 'membership.set');
    expect(parsed(entry.before)).toEqual({
      userId: id,
      username: 'coord-emc',
      role: 'coordinator',
      centre: 'EMC',
    });
    expect(parsed(entry.after)).toEqual({
      userId: id,
      username: 'coord-emc',
      role: 'coordinator',
      centre: 'AVL',
    });
  });

  it('answers an unchanged membership with changed: false and writes nothing', async () => {
    const admin = await signIn(h, 'admin');
    const before = await snapshotCounts(h);
    const result = await admin.users.setMembership({
      userId: await idOf('coord-emc'),
      trialId: 'pump-iii',
      role: 'coordinator',
      centre: 'EMC',
    });
    expect(result.changed).toBe(false);
    expect(await snapshotCounts(h)).toEqual(before);
  });

  it('refuses bad memberships field by field, in English and Dutch, and writes nothing', async () => {
    const admin = await signIn(h, 'admin');
    const monitor = await idOf('monitor');
    const before = await snapshotCounts(h);
    const base = { userId: monitor, trialId: 'pump-iii' };
    const cases: [Parameters<typeof admin.users.setMembership>[0], string, string][] = [
      [
        { ...base, role: 'coordinator' },
        'centre',
        'A centre coordinator needs one of the centres of this trial.',
      ],
      [
        { ...base, role: 'coordinator', centre: 'XYZ' },
        'centre',
        'This centre does not take part in this trial.',
      ],
      [
        { ...base, role: 'monitor', centre: 'EMC' },
        'centre',
        'Only a centre coordinator is bound to a centre.',
      ],
      [
        { ...base, userId: await idOf('admin'), role: 'pi' },
        'userId',
        'An administrator has every trial; memberships are for other accounts.',
      ],
    ];
    for (const [input, field, message] of cases) {
      const error = await expectCode(admin.users.setMembership(input), 'BAD_REQUEST');
      expect(fieldsOf(error)).toEqual({ [field]: [message] });
    }
    const nl = await expectCode(
      (await dutchCaller(admin.jar)).users.setMembership({ ...base, role: 'coordinator' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(nl)).toEqual({
      centre: ['Een centrumcoördinator heeft een centrum van deze studie nodig.'],
    });
    // The role 'admin' is the account's, never a membership's; unknown accounts and trials are not found.
    await expectCode(admin.users.setMembership({ ...base, role: 'admin' as never }), 'BAD_REQUEST');
    await expectCode(admin.users.setMembership({ ...base, userId: 9999, role: 'pi' }), 'NOT_FOUND');
    await expectCode(
      admin.users.setMembership({ ...base, trialId: 'no-such-trial', role: 'pi' }),
      'NOT_FOUND',
    );
    expect(await snapshotCounts(h)).toEqual(before);
  });
});

describe('users.removeMembership', () => {
  it('ends access at the next request, keeps the row, and is audited', async () => {
    const admin = await signIn(h, 'admin');
    const monitor = await signIn(h, 'monitor');
    const id = await idOf('monitor');
    expect((await monitor.overview.get({ trialId: 'artery-2' })).inclusion.included).toBeGreaterThan(0);
    expect(await admin.users.removeMembership({ userId: id, trialId: 'artery-2' })).toEqual({
      userId: id,
      trialId: 'artery-2',
    });
    await expectCode(monitor.overview.get({ trialId: 'artery-2' }), 'NOT_FOUND');
    expect((await monitor.trials.list()).map((t) => t.id)).toEqual(['pump-iii']);
    const ended = (await admin.users.memberships({ userId: id })).find((m) => m.trialId === 'artery-2');
    expect(ended).toMatchObject({ role: 'monitor', endedBy: 'admin', endedAt: h.clock.now.toISOString() });
    const entry = await lastAudit(h, 'membership.removed');
    expect(entry).toMatchObject({ trial_id: 'artery-2', username: 'admin' });
    expect(parsed(entry.before)).toEqual({ userId: id, username: 'monitor', role: 'monitor', centre: null });
    expect(parsed(entry.after)).toBeNull();
  });

  it('refuses to end a membership that does not exist, writing nothing', async () => {
    const admin = await signIn(h, 'admin');
    const id = await newAccount('outsider');
    const before = await snapshotCounts(h);
    const error = await expectCode(
      admin.users.removeMembership({ userId: id, trialId: 'pump-iii' }),
      'BAD_REQUEST',
    );
    expect(fieldsOf(error)).toEqual({ trialId: ['This account is not a member of this trial.'] });
    expect(await snapshotCounts(h)).toEqual(before);
  });
});

describe('administrators', () => {
  it('need no membership; an account made administrator loses its memberships for good', async () => {
    const admin = await signIn(h, 'admin');
    expect((await admin.trials.list()).map((t) => t.id).sort()).toEqual(['artery-2', 'pump-iii']);
    expect((await admin.auth.me()).memberships).toEqual([]);
    const id = await idOf('monitor');
    await admin.users.update({ userId: id, role: 'admin' });
    const removed = await auditRows(h, 'membership.removed');
    expect(removed.map((r) => r.trial_id).sort()).toEqual(['artery-2', 'pump-iii']);
    await admin.users.update({ userId: id, role: 'monitor' });
    const back = await signIn(h, 'monitor');
    expect(await back.trials.list()).toEqual([]);
  });
});

describe('live updates', () => {
  /** Waits until the bus has `count` listeners, i.e. the subscription is listening (no time limit but the test's). */
  async function listening(count: number): Promise<void> {
    while (h.live.subscribers < count) await new Promise((resolve) => setImmediate(resolve));
  }
  const notice = (centre: string | null) => ({
    trialId: 'pump-iii',
    kind: 'inclusion' as const,
    centre,
    at: h.clock.now.toISOString(),
  });
  const dataOf = (value: unknown) => (value as [string, { centre: string | null }])[1];

  it("carry a coordinator only their own centre's changes, and end when the membership ends", async () => {
    const coord = await signIn(h, 'coord-emc');
    const stream = (await coord.live.onChange({ trialId: 'pump-iii' }))[Symbol.asyncIterator]();
    const first = stream.next();
    await listening(1);
    h.live.publish(notice('AVL'));
    h.live.publish(notice('EMC'));
    expect(dataOf((await first).value).centre).toBe('EMC');
    const admin = await signIn(h, 'admin');
    await admin.users.removeMembership({ userId: await idOf('coord-emc'), trialId: 'pump-iii' });
    const next = stream.next();
    h.live.publish(notice('EMC'));
    await expectCode(next, 'NOT_FOUND');
  });

  it("carry the PI every centre's changes, and refuse a trial the user is not a member of", async () => {
    const pi = await signIn(h, 'pi');
    const stream = (await pi.live.onChange({ trialId: 'pump-iii' }))[Symbol.asyncIterator]();
    const first = stream.next();
    await listening(1);
    h.live.publish(notice('AVL'));
    expect(dataOf((await first).value).centre).toBe('AVL');
    await stream.return?.();
    const outsider = await signIn(h, 'pi-steering');
    await expectCode(outsider.live.onChange({ trialId: 'no-such-trial' }), 'NOT_FOUND');
  });
});

describe('every membership change keeps the audit chain whole', () => {
  it('verifies after sets, changes, removals and a promotion', async () => {
    const admin = await signIn(h, 'admin');
    const id = await newAccount('chain');
    await admin.users.setMembership({ userId: id, trialId: 'pump-iii', role: 'coordinator', centre: 'IJS' });
    await admin.users.setMembership({ userId: id, trialId: 'pump-iii', role: 'pi' });
    await admin.users.setMembership({ userId: id, trialId: 'artery-2', role: 'steering' });
    await admin.users.removeMembership({ userId: id, trialId: 'pump-iii' });
    await admin.users.update({ userId: id, role: 'admin' });
    expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
  });
});

describe('when the audit entry cannot be written, the membership change is not kept', () => {
  it('users.setMembership, users.removeMembership and a promotion to administrator', async () => {
    const admin = await signIn(h, 'admin');
    const id = await idOf('monitor');
    const before = await snapshotCounts(h);
    const memberships = await admin.users.memberships({ userId: id });
    await failWritesTo(h.open.db, 'audit_log', 'INSERT');
    await expectCode(
      admin.users.setMembership({ userId: id, trialId: 'pump-iii', role: 'pi' }),
      'INTERNAL_SERVER_ERROR',
    );
    await expectCode(
      admin.users.removeMembership({ userId: id, trialId: 'pump-iii' }),
      'INTERNAL_SERVER_ERROR',
    );
    await expectCode(admin.users.update({ userId: id, role: 'admin' }), 'INTERNAL_SERVER_ERROR');
    expect(await snapshotCounts(h)).toEqual(before);
    expect(await admin.users.memberships({ userId: id })).toEqual(memberships);
  });
});

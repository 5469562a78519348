// Personal API tokens: shown once and stored hashed, listed and revoked by their user (an administrator sees
// and revokes all), acting with exactly the user's memberships and centre, read-only, 401 once revoked or
// expired, and their use audited at most once a minute per token. On both engines.
import { apiTokenHash, verifyAuditChain } from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn } from './auth-helpers.js';
import { auditRows, lastAudit, parsed } from './audit-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';
import { withToken } from './token-helpers.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

async function tokenOf(username: string, label = 'Script', expiresInDays?: number) {
  const caller = await signIn(h, username);
  const issued = await caller.tokens.create({ label, ...(expiresInDays ? { expiresInDays } : {}) });
  return { caller, issued };
}

describe('creating a token', () => {
  it('returns the token once and keeps only its SHA-256, audited without the secret', async () => {
    const { caller, issued } = await tokenOf('pi', 'R script on my laptop', 30);
    expect(issued.token).toMatch(/^tdk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    expect(issued.token.startsWith(`${issued.prefix}_`)).toBe(true);
    expect(issued.expiresAt).toBe(new Date(h.clock.now.getTime() + 30 * 86_400_000).toISOString());
    const row = await h.row<{ token_hash: string; scope: string }>(
      'SELECT token_hash, scope FROM api_tokens WHERE id = ?',
      issued.id,
    );
    expect(row).toEqual({ token_hash: apiTokenHash(issued.token), scope: 'read' });
    const dump = JSON.stringify(await h.rows('SELECT * FROM api_tokens'));
    expect(dump).not.toContain(issued.token);
    const mine = await caller.tokens.mine();
    expect(mine.find((t) => t.id === issued.id)).toMatchObject({
      prefix: issued.prefix,
      label: 'R script on my laptop',
      revokedAt: null,
    });
    expect(JSON.stringify(mine)).not.toContain(issued.token);
    const audit = await lastAudit(h, 'token.created');
    expect(audit.entity_id).toBe(String(issued.id));
    expect(parsed(audit.after)).toMatchObject({ username: 'pi', prefix: issued.prefix, tokenScope: 'read' });
    expect(JSON.stringify(audit)).not.toContain(issued.token);
  });

  it('refuses a bad label or expiry with the field named', async () => {
    const pi = await signIn(h, 'pi');
    await expectCode(pi.tokens.create({ label: '' }), 'BAD_REQUEST');
    await expectCode(pi.tokens.create({ label: 'x', expiresInDays: 366 }), 'BAD_REQUEST');
    await expectCode(pi.tokens.create({ label: 'x', expiresInDays: 0 }), 'BAD_REQUEST');
    await expectCode(pi.tokens.create({ label: 'bad\u0000' }), 'BAD_REQUEST');
    await expectCode(pi.tokens.create({ label: 'x', scope: 'write' } as never), 'BAD_REQUEST');
  });

  it('needs a login', async () => {
    await expectCode((await h.caller()).tokens.create({ label: 'x' }), 'UNAUTHORIZED');
    await expectCode((await h.caller()).tokens.mine(), 'UNAUTHORIZED');
  });
});

describe('a token acts as its user, never more', () => {
  it("reads with the user's memberships and centre", async () => {
    const { issued } = await tokenOf('coord-emc');
    const api = withToken(h, issued.token);
    const me = await api.auth.me();
    expect(me.username).toBe('coord-emc');
    const list = await api.participants.list({ trialId: 'pump-iii' });
    expect(list.total).toBeGreaterThan(0);
    expect(new Set(list.rows.map((r) => r.centre))).toEqual(new Set(['EMC']));
    const other = await api.participants
      .get({ trialId: 'pump-iii', studyId: 'PUMP3-AVL-001' })
      .catch((e: unknown) => e);
    const missing = await api.participants
      .get({ trialId: 'pump-iii', studyId: 'PUMP3-EMC-999' })
      .catch((e: unknown) => e);
    // Exactly the answer a session of the same coordinator gets (access.int.test.ts): code and words.
    expect((other as { code: string }).code).toBe((missing as { code: string }).code);
    expect((other as Error).message).toBe((missing as Error).message);
  });

  it('follows a membership change at the next request', async () => {
    const admin = await signIn(h, 'admin');
    const created = await admin.users.create({
      username: 'token-monitor',
      displayName: 'Token monitor',
      role: 'monitor',
      password: 'a-long-enough-password',
    });
    await admin.users.setMembership({ userId: created.id, trialId: 'pump-iii', role: 'monitor' });
    const own = await signIn(h, 'token-monitor', 'a-long-enough-password');
    await own.auth.changePassword({
      currentPassword: 'a-long-enough-password',
      newPassword: 'another-long-password',
    });
    const { issued } = await tokenOf('token-monitor').catch(async () => {
      const again = await signIn(h, 'token-monitor', 'another-long-password');
      return { caller: again, issued: await again.tokens.create({ label: 'Monitor script' }) };
    });
    const api = withToken(h, issued.token);
    expect((await api.participants.list({ trialId: 'pump-iii' })).total).toBeGreaterThan(0);
    await admin.users.removeMembership({ userId: created.id, trialId: 'pump-iii' });
    await expectCode(api.participants.list({ trialId: 'pump-iii' }), 'NOT_FOUND');
  });

  it('steering reads no participant through a token either', async () => {
    const { issued } = await tokenOf('steering');
    await expectCode(withToken(h, issued.token).participants.list({ trialId: 'pump-iii' }), 'FORBIDDEN');
  });

  it('can never write: every mutation is 403, even an administrator’s', async () => {
    const { issued } = await tokenOf('admin');
    const api = withToken(h, issued.token);
    const before = await h.row<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    const e = await expectCode(
      api.trials.setTarget({ trialId: 'artery-2', target: 99, reason: 'Not through a token' }),
      'FORBIDDEN',
    );
    expect(e.message).toBe('An API token can only read: this request would change data.');
    await expectCode(api.tokens.create({ label: 'A token making tokens' }), 'FORBIDDEN');
    await expectCode(api.tokens.revoke({ tokenId: issued.id }), 'FORBIDDEN');
    await expectCode(api.auth.logout(), 'FORBIDDEN');
    await expectCode(
      api.committee.dataCuts.create({ trialId: 'pump-iii', label: 'x', asOf: '2026-11-01' }),
      'FORBIDDEN',
    );
    // Only the first-use audit row was added; the refused writes left nothing.
    const after = await h.row<{ n: number }>('SELECT count(*) AS n FROM audit_log');
    expect(Number(after?.n)).toBe(Number(before?.n) + 1);
    expect((await lastAudit(h, 'token.used')).entity_id).toBe(String(issued.id));
  });
});

describe('revoked and expired tokens', () => {
  it('a revoked token gets 401 at once', async () => {
    const { caller, issued } = await tokenOf('pi');
    const api = withToken(h, issued.token);
    expect((await api.auth.me()).username).toBe('pi');
    await caller.tokens.revoke({ tokenId: issued.id });
    await expectCode(api.auth.me(), 'UNAUTHORIZED');
    await expectCode(caller.tokens.revoke({ tokenId: issued.id }), 'CONFLICT');
    expect(parsed((await lastAudit(h, 'token.revoked')).before)).toMatchObject({ prefix: issued.prefix });
  });

  it('an expired token gets 401', async () => {
    const { issued } = await tokenOf('pi', 'Short-lived', 1);
    const api = withToken(h, issued.token);
    expect((await api.auth.me()).username).toBe('pi');
    const saved = h.clock.now;
    h.clock.now = new Date(saved.getTime() + 86_400_000);
    try {
      await expectCode(api.auth.me(), 'UNAUTHORIZED');
    } finally {
      h.clock.now = saved;
    }
  });

  it('a wrong secret with a real prefix, or garbage, gets 401', async () => {
    const { issued } = await tokenOf('pi');
    const forged = `${issued.prefix}_${'A'.repeat(43)}`;
    await expectCode(withToken(h, forged).auth.me(), 'UNAUTHORIZED');
    await expectCode(withToken(h, 'not-a-token').auth.me(), 'UNAUTHORIZED');
  });

  it("a deactivated user's token gets 401", async () => {
    const admin = await signIn(h, 'admin');
    const made = await admin.users.create({
      username: 'token-leaver',
      displayName: 'Leaver',
      role: 'monitor',
      password: 'a-long-enough-password',
    });
    const own = await signIn(h, 'token-leaver', 'a-long-enough-password');
    await own.auth.changePassword({
      currentPassword: 'a-long-enough-password',
      newPassword: 'a-new-long-password',
    });
    const again = await signIn(h, 'token-leaver', 'a-new-long-password');
    const issued = await again.tokens.create({ label: 'Leaving' });
    expect((await withToken(h, issued.token).auth.me()).username).toBe('token-leaver');
    await admin.users.deactivate({ userId: made.id });
    await expectCode(withToken(h, issued.token).auth.me(), 'UNAUTHORIZED');
  });
});

describe('who sees and revokes which tokens', () => {
  it("a user sees only their own and cannot revoke another's (answered as missing)", async () => {
    const { issued } = await tokenOf('monitor');
    const pi = await signIn(h, 'pi');
    expect((await pi.tokens.mine()).some((t) => t.id === issued.id)).toBe(false);
    const e = await expectCode(pi.tokens.revoke({ tokenId: issued.id }), 'NOT_FOUND');
    const missing = await expectCode(pi.tokens.revoke({ tokenId: 999_999 }), 'NOT_FOUND');
    expect(e.message.replace(String(issued.id), 'N')).toBe(missing.message.replace('999999', 'N'));
    await expectCode(pi.tokens.all(), 'FORBIDDEN');
  });

  it('an administrator sees and revokes every token', async () => {
    const { issued } = await tokenOf('coord-avl');
    const admin = await signIn(h, 'admin');
    const all = await admin.tokens.all();
    expect(all.find((t) => t.id === issued.id)).toMatchObject({ username: 'coord-avl' });
    await admin.tokens.revoke({ tokenId: issued.id });
    await expectCode(withToken(h, issued.token).auth.me(), 'UNAUTHORIZED');
    const audit = await lastAudit(h, 'token.revoked');
    expect(audit.username).toBe('admin');
  });
});

describe('use is audited, throttled per token per minute', () => {
  it('audits the first use, then at most once a minute', async () => {
    const { issued } = await tokenOf('monitor', 'Paging script');
    const api = withToken(h, issued.token);
    const used = async () =>
      (await auditRows(h, 'token.used')).filter((r) => r.entity_id === String(issued.id)).length;
    expect(await used()).toBe(0);
    await Promise.all([api.auth.me(), api.auth.me(), api.auth.me()]);
    expect(await used()).toBe(1);
    const row = (await auditRows(h, 'token.used')).find((r) => r.entity_id === String(issued.id));
    expect(row).toMatchObject({ username: 'monitor', role: 'monitor' });
    expect(parsed(row?.after ?? null)).toEqual({ prefix: issued.prefix, surface: 'api' });
    const saved = h.clock.now;
    try {
      h.clock.now = new Date(saved.getTime() + 59_000);
      await api.auth.me();
      expect(await used()).toBe(1);
      h.clock.now = new Date(saved.getTime() + 60_000);
      await api.auth.me();
      expect(await used()).toBe(2);
    } finally {
      h.clock.now = saved;
    }
    expect(await verifyAuditChain(h.open.db)).toMatchObject({ ok: true });
  });
});

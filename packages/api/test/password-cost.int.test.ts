// Tests log in with cheaply hashed demo accounts (harness.ts); this file proves that nothing outside tests
// hashes below scrypt N = 2^15: the default, the demo seed the server runs, an account an administrator
// creates or resets, and the unknown-user path of the login.
import {
  DEMO_PASSWORD,
  findUserByUsername,
  hashPassword,
  openSqlite,
  seedDemo,
  UNUSABLE_PASSWORD_HASH,
} from '@trialdesk/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from './harness.js';

const PRODUCTION = /^scrypt\$32768\$8\$1\$/;

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

describe('password cost in production', () => {
  it('hashes at N = 2^15 by default, and the unknown-user check costs the same', async () => {
    expect(await hashPassword('a-long-enough-password')).toMatch(PRODUCTION);
    expect(UNUSABLE_PASSWORD_HASH).toMatch(PRODUCTION);
  });

  it(
    'seeds the demo accounts at N = 2^15 when no test cost is given (as the server does)',
    { timeout: 120_000 },
    async () => {
      const open = openSqlite(':memory:');
      await seedDemo(open.db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
      expect((await findUserByUsername(open.db, 'admin'))?.passwordHash).toMatch(PRODUCTION);
      await open.close();
    },
  );

  it('hashes accounts an administrator creates or resets at N = 2^15', { timeout: 60_000 }, async () => {
    const admin = await h.as('admin');
    const { id } = await admin.users.create({
      username: 'cost-check',
      displayName: 'Cost check',
      role: 'monitor',
      password: 'a-long-enough-password',
    });
    expect((await findUserByUsername(h.open.db, 'cost-check'))?.passwordHash).toMatch(PRODUCTION);
    await admin.users.resetPassword({ userId: id, newPassword: 'another-long-password' });
    expect((await findUserByUsername(h.open.db, 'cost-check'))?.passwordHash).toMatch(PRODUCTION);
    // The test fixtures themselves are cheap: that is the only place a lower cost is used.
    expect((await findUserByUsername(h.open.db, 'pi'))?.passwordHash).not.toMatch(PRODUCTION);
    expect(DEMO_PASSWORD.length).toBeGreaterThan(0);
  });
});

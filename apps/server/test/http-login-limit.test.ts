// The login limit holds for parallel attempts: the attempt is reserved before the password is checked,
// so 30 wrong passwords sent at once are never all checked, and the right one sent after them is refused.
import { DEMO_PASSWORD, hashPassword } from '@trialdesk/db';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from './serve.js';

let s: TestServer | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

async function wrongPasswordChecks(server: TestServer, username: string): Promise<number> {
  const rows = await server.open.db
    .selectFrom('audit_log')
    .select(['after'])
    .where('action', '=', 'auth.login_failed')
    .execute();
  return rows.filter((r) => {
    const after = JSON.parse(r.after ?? 'null') as { username: string | null; reason: string } | null;
    return after?.username === username && after.reason === 'wrong_password';
  }).length;
}

describe('login limit under parallel attempts', () => {
  it('30 parallel wrong passwords: at most 5 are checked, the rest get 429, and the right password then too', async () => {
    s = await startServer();
    const server = s;
    // The production password cost, as an attacker meets it: each check takes long enough for the other
    // attempts to arrive meanwhile (with the test-only cost they would finish one by one).
    await server.open.db
      .updateTable('users')
      .set({ password_hash: await hashPassword(DEMO_PASSWORD) })
      .where('username', '=', 'monitor')
      .execute();
    const answers = await Promise.all(
      Array.from({ length: 30 }, () =>
        server.post('auth.login', { username: 'monitor', password: 'not-the-password' }),
      ),
    );
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((c) => c === 401)).toHaveLength(5);
    expect(statuses.filter((c) => c === 429)).toHaveLength(25);
    expect(await wrongPasswordChecks(server, 'monitor')).toBe(5);
    const right = await server.post('auth.login', { username: 'monitor', password: DEMO_PASSWORD });
    expect(right.status).toBe(429);
  });

  it('attempts under the limit are all checked: 4 wrong and the right one sent together', async () => {
    s = await startServer();
    const server = s;
    const passwords = ['wrong-1', 'wrong-2', DEMO_PASSWORD, 'wrong-3', 'wrong-4'];
    const answers = await Promise.all(
      passwords.map((password) => server.post('auth.login', { username: 'pi', password })),
    );
    expect(answers.map((r) => r.status)).toEqual([401, 401, 200, 401, 401]);
  });
});

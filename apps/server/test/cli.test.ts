// The administration commands on a real database file: verify-audit reports an intact chain (exit 0) and
// names every broken row (exit 1); create-admin makes the first administrator outside demo mode.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  apiTokenHash,
  findUserByUsername,
  openSqlite,
  seedDemo,
  takeDatabaseLock,
  verifyPassword,
} from '@trialdesk/db';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let dir: string;
let file: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-cli-'));
  file = path.join(dir, 'db.sqlite');
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_FILE: file, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

async function seeded() {
  const open = openSqlite(file);
  await seedDemo(open.db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
  return open;
}

describe('verify-audit', () => {
  it('reports an intact chain, then every broken row after tampering', async () => {
    const open = await seeded();
    const rows = open.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number };
    const intact = run(['verify-audit']);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(new RegExp(`^Audit chain intact: ${rows.n} rows, last hash [0-9a-f]{64}\\.`));

    open.sqlite.exec(
      "DROP TRIGGER audit_log_no_update; UPDATE audit_log SET username = 'mallory' WHERE seq IN (4, 9)",
    );
    const broken = run(['verify-audit']);
    expect(broken.code).toBe(1);
    // Every broken link, not only the first: the edit at row 9 is not hidden behind row 4.
    expect(broken.err).toContain(
      `Audit chain BROKEN at row 4 (content changed); 3 rows before it verify; 2 broken links in ${rows.n} rows:\n  row 4: content changed\n  row 9: content changed`,
    );
    await open.close();
  });
});

describe('create-admin', () => {
  it('creates an administrator who can log in, audited, without demo accounts', async () => {
    const open = openSqlite(file);
    const made = run(['create-admin', '--username', 'Dana'], {
      TRIALDESK_ADMIN_PASSWORD: 'a-good-long-password',
    });
    expect(made.code).toBe(0);
    const user = await findUserByUsername(open.db, 'dana');
    expect(user).toMatchObject({ role: 'admin', active: true, centre: null });
    expect(await verifyPassword('a-good-long-password', user?.passwordHash ?? '')).toBe(true);
    const again = run(['create-admin', '--username', 'dana'], {
      TRIALDESK_ADMIN_PASSWORD: 'a-good-long-password',
    });
    expect(again.code).toBe(1);
    expect(run(['verify-audit']).code).toBe(0);
    await open.close();
  });

  it('refuses a short password and a bad username', () => {
    expect(run(['create-admin', '--username', 'dana'], { TRIALDESK_ADMIN_PASSWORD: 'short' }).code).toBe(2);
    expect(
      run(['create-admin', '--username', 'a b'], { TRIALDESK_ADMIN_PASSWORD: 'a-good-long-password' }).code,
    ).toBe(2);
  });
});

describe('backup and restore', () => {
  it('backs up a database in use, and restores the copy elsewhere after checking it', async () => {
    const open = await seeded();
    const backup = path.join(dir, 'backup.sqlite');
    // The database stays open (as under a running server) while the backup is taken.
    const made = run(['backup', backup]);
    expect(made.code, made.err).toBe(0);
    expect(made.out).toMatch(/integrity ok, audit chain intact \(\d+ rows\), \d+ participants/);
    await open.close();
    const restored = path.join(dir, 'restored.sqlite');
    const back = run(['restore', backup], { DATABASE_FILE: restored });
    expect(back.code, back.err).toBe(0);
    const copy = openSqlite(restored);
    const n = await copy.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThan(45);
    await copy.close();
  });

  it('refuses a restore over a database a server is using, and a backup onto an existing file', async () => {
    const open = await seeded();
    await open.close();
    const backup = path.join(dir, 'backup.sqlite');
    expect(run(['backup', backup]).code).toBe(0);
    const again = run(['backup', backup]);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/exists already/);
    // This process holds the lock as a server does; the CLI is another process.
    const release = takeDatabaseLock(file, 'serve');
    const refused = run(['restore', backup]);
    release();
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/A server has .* open/);
    expect(run(['restore', backup]).code).toBe(0);
  });

  it('explains its usage without a file', () => {
    const res = run(['backup']);
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/Usage: backup FILE/);
  });
});

describe('create-token', () => {
  it('prints a read-only token once, stores only its hash, audited', async () => {
    const open = await seeded();
    const made = run(['create-token', '--username', 'monitor', '--expires-days', '7']);
    expect(made.code).toBe(0);
    const token = made.out.trim();
    expect(token).toMatch(/^tdk_[A-Za-z0-9_-]{8}_[A-Za-z0-9_-]{43}$/);
    expect(made.err).toMatch(/Read-only API token tdk_\S+ for "monitor", valid until/);
    const row = open.sqlite
      .prepare(
        "SELECT t.token_hash, t.scope, t.expires_at, t.created_at FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE u.username = 'monitor'",
      )
      .get() as { token_hash: string; scope: string; expires_at: string; created_at: string };
    expect(row.token_hash).toBe(apiTokenHash(token));
    expect(row.scope).toBe('read');
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(7 * 86_400_000);
    const dump = JSON.stringify(open.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(dump).toContain('token.created');
    expect(dump).not.toContain(token);
    expect(run(['verify-audit']).code).toBe(0);
    await open.close();
  });

  it('refuses an unknown user and a bad expiry', async () => {
    const open = await seeded();
    expect(run(['create-token', '--username', 'nobody']).code).toBe(1);
    expect(run(['create-token', '--username', 'monitor', '--expires-days', '0']).code).toBe(2);
    expect(run(['create-token', '--username', 'monitor', '--expires-days', '366']).code).toBe(2);
    expect(open.sqlite.prepare('SELECT count(*) AS n FROM api_tokens').get()).toEqual({ n: 0 });
    await open.close();
  });
});

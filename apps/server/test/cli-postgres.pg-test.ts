// The administration commands on PostgreSQL (DATABASE_URL): verify-audit reports an intact chain and names
// the first broken row after tampering; backup and restore point to pg_dump/pg_restore; and the README's
// backup procedure (pg_dump, pg_restore into a new database, verify-audit there) keeps the chain whole.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OpenDatabase } from '@trialdesk/db';
import {
  bypassAppendOnly,
  DEFAULT_TEST_SEED,
  emptyTestDatabaseUrl,
  execute,
  openTestDatabase,
  queryRow,
} from '@trialdesk/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
let open: OpenDatabase & { url?: string };
let url: string;
let dir: string;

beforeAll(async () => {
  open = await openTestDatabase({ seed: DEFAULT_TEST_SEED });
  if (!open.url) throw new Error('cli-postgres runs on the PostgreSQL pass only');
  url = open.url;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trialdesk-pgdump-'));
});
afterAll(async () => {
  await open.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const trialdesk = (args: string[], databaseUrl: string) =>
  run(process.execPath, ['--import', 'tsx', cli, ...args], { DATABASE_URL: databaseUrl });

async function auditRows(db: OpenDatabase['db']): Promise<number> {
  return Number((await queryRow<{ n: number }>(db, 'SELECT count(*) AS n FROM audit_log'))?.n);
}

// Each command is a node process that loads TypeScript: seconds on a busy machine, never decided by time.
describe('pnpm cli on PostgreSQL', { timeout: 120_000 }, () => {
  it('backup and restore name pg_dump and pg_restore instead of copying a file', () => {
    for (const command of ['backup', 'restore']) {
      const r = trialdesk([command, path.join(dir, 'x.sqlite')], url);
      expect(r.code).toBe(2);
      expect(r.err).toContain('pg_dump / pg_restore');
    }
  });

  it('the README procedure: pg_dump, pg_restore into a new database, verify-audit there', async () => {
    const dump = path.join(dir, 'trialdesk.dump');
    expect(run('pg_dump', ['--format=custom', `--file=${dump}`, url]).code).toBe(0);
    const target = await emptyTestDatabaseUrl();
    try {
      const restored = run('pg_restore', ['--no-owner', `--dbname=${target.url}`, dump]);
      expect(restored.err).toBe('');
      expect(restored.code).toBe(0);
      const verified = trialdesk(['verify-audit'], target.url);
      expect(verified.code).toBe(0);
      expect(verified.out).toContain(`Audit chain intact: ${await auditRows(open.db)} rows`);
    } finally {
      await target.drop();
    }
  });

  it('verify-audit reports an intact chain, then the first broken row after tampering', async () => {
    const rows = await auditRows(open.db);
    const intact = trialdesk(['verify-audit'], url);
    expect(intact.code).toBe(0);
    expect(intact.out).toMatch(new RegExp(`^Audit chain intact: ${rows} rows, last hash [0-9a-f]{64}\\.`));

    await bypassAppendOnly(open.db, 'audit_log');
    await execute(open.db, "UPDATE audit_log SET username = 'mallory' WHERE seq = 4");
    const broken = trialdesk(['verify-audit'], url);
    expect(broken.code).toBe(1);
    // The verifier names every broken link after the first (issue 11), as on SQLite (cli.test.ts).
    expect(broken.err).toContain(
      'Audit chain BROKEN at row 4 (content changed); 3 rows before it verify; 1 broken link in',
    );
    expect(broken.err).toContain('  row 4: content changed');
  });
});

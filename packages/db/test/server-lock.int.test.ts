// The database lock is an OS lock held by every server process: a restore refuses while any holder lives,
// a second server refuses to start, and a killed holder's lock is gone with it (no stale pid file).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../src/backup.js';
import { openSqlite } from '../src/database.js';
import { DatabaseInUseError, isDatabaseInUse, takeDatabaseLock } from '../src/server-lock.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../../..');
let dir: string;
let file: string;
let backup: string;
const children: ChildProcess[] = [];

beforeEach(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trialdesk-lock-'));
  file = path.join(dir, 'db.sqlite');
  backup = path.join(dir, 'backup.sqlite');
  const open = openSqlite(file);
  await open.close();
  await backupDatabase(file, backup);
});
afterEach(() => {
  for (const c of children.splice(0)) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Starts a holder in another process and waits until it says whether it holds the lock. */
async function holder(): Promise<{ child: ChildProcess; said: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(here, 'hold-lock.ts'), file], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const said = await new Promise<string>((resolve) => {
    let out = '';
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.on('exit', () => resolve(out.trim()));
  });
  return { child, said };
}

const died = (child: ChildProcess) =>
  new Promise<void>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve() : child.on('exit', () => resolve()),
  );

describe('the database lock', () => {
  it('makes a restore refuse while a server in another process holds it, and lets it run once that process is killed', async () => {
    const { child, said } = await holder();
    expect(said).toBe('held');
    expect(isDatabaseInUse(file)).toBe(true);
    await expect(restoreDatabase(backup, file)).rejects.toThrow(DatabaseInUseError);
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/A server has .* open/);
    child.kill('SIGKILL');
    await died(child);
    expect(isDatabaseInUse(file)).toBe(false);
    expect((await restoreDatabase(backup, file)).ok).toBe(true);
  });

  it('makes a second server on the same database refuse to start', async () => {
    const first = await holder();
    expect(first.said).toBe('held');
    const second = await holder();
    expect(second.said).toMatch(/^refused: Another server or a restore has .* open/);
    await died(second.child);
    expect(second.child.exitCode).toBe(3);
    expect(() => takeDatabaseLock(file, 'serve')).toThrow(DatabaseInUseError);
  });

  it('keeps a server from starting while a restore holds it', async () => {
    const release = takeDatabaseLock(file, 'restore');
    const { said } = await holder();
    release();
    expect(said).toMatch(/^refused/);
    expect(isDatabaseInUse(file)).toBe(false);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../src/audit/audit-log.js';
import { backupDatabase, checkDatabase, restoreDatabase } from '../src/backup.js';
import { takeDatabaseLock } from '../src/server-lock.js';
import { openSqlite } from '../src/database.js';
import { seedDemo } from '../src/demo/seed-demo.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function seeded() {
  dir = mkdtempSync(path.join(os.tmpdir(), 'trialdesk-backup-'));
  const file = path.join(dir, 'live.sqlite');
  const open = openSqlite(file);
  await seedDemo(open.db, { asOf: '2026-11-26', now: '2026-11-26T10:00:00.000Z' });
  return { file, open };
}

describe('online backup and restore', () => {
  it('backs up while the database is open and being written, and the copy checks out', async () => {
    const { file, open } = await seeded();
    const actor = { userId: null, username: 'test', role: null, ip: null };
    const entry = {
      action: 'trial.settings_changed' as const,
      entityType: 'trial',
      entityId: null,
      trialId: null,
      centre: null,
      participant: null,
      before: null,
      after: { n: 1 },
      reason: null,
    };
    // Writes keep arriving while the backup runs.
    const writing = (async () => {
      for (let i = 0; i < 50; i += 1) await appendAudit(open.db, actor, '2026-11-26T10:00:00.000Z', entry);
    })();
    const backup = path.join(dir, 'backup.sqlite');
    const result = await backupDatabase(file, backup);
    await writing;
    expect(result.pages).toBeGreaterThan(0);
    const check = await checkDatabase(backup);
    expect(check).toMatchObject({ integrity: 'ok', ok: true, participants: expect.any(Number) as number });
    expect(check.participants).toBeGreaterThan(45);
    await open.close();
  });

  it('restores a sound backup over the database, and refuses while a server holds it', async () => {
    const { file, open } = await seeded();
    const backup = path.join(dir, 'backup.sqlite');
    await backupDatabase(file, backup);
    await open.db.updateTable('participants').set({ void_reason: 'changed after the backup' }).execute();
    await open.close();
    const release = takeDatabaseLock(file, 'serve');
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/A server has .* open/);
    release();
    const check = await restoreDatabase(backup, file);
    expect(check.ok).toBe(true);
    const sqlite = new Database(file, { readonly: true });
    expect(
      sqlite
        .prepare("SELECT COUNT(*) AS n FROM participants WHERE void_reason = 'changed after the backup'")
        .get(),
    ).toEqual({ n: 0 });
    sqlite.close();
  });

  it('refuses a backup whose audit chain was tampered with, leaving the database as it was', async () => {
    const { file, open } = await seeded();
    await open.close();
    const backup = path.join(dir, 'backup.sqlite');
    await backupDatabase(file, backup);
    const raw = new Database(backup);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET username = 'mallory' WHERE seq = 3").run();
    raw.close();
    await expect(restoreDatabase(backup, file)).rejects.toThrow(/Audit chain BROKEN at row 3/);
    expect((await checkDatabase(file)).ok).toBe(true);
  });

  it('refuses to overwrite an existing backup file', async () => {
    const { file, open } = await seeded();
    await open.close();
    const backup = path.join(dir, 'backup.sqlite');
    writeFileSync(backup, 'x');
    await expect(backupDatabase(file, backup)).rejects.toThrow(/exists already/);
  });
});

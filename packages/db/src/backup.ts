// Online backup and checked restore. The backup uses SQLite's backup API through better-sqlite3, which
// copies a consistent snapshot page by page while the server keeps reading and writing (WAL). A restore
// first proves the backup sound (integrity check, known migrations, intact audit chain), then swaps it in
// atomically, and refuses while a server holds the database.
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { takeDatabaseLock } from './server-lock.js';
import { describeVerification, verifyAuditChain, type AuditVerification } from './audit/verify-chain.js';
import { openSqlite } from './database.js';
import { migrate } from './migrate.js';

export interface DatabaseCheck {
  integrity: string;
  audit: AuditVerification;
  participants: number;
  ok: boolean;
}

export async function backupDatabase(
  sourceFile: string,
  destination: string,
): Promise<{ pages: number; file: string }> {
  if (existsSync(destination)) throw new Error(`${destination} exists already; choose a new file name`);
  const sqlite = new Database(sourceFile, { fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  try {
    const result = await sqlite.backup(destination);
    return { pages: result.totalPages, file: destination };
  } finally {
    sqlite.close();
  }
}

/** Checks a database file without changing it (no migrations are run on it). */
export async function checkDatabase(file: string): Promise<DatabaseCheck> {
  const probe = new Database(file, { fileMustExist: true, readonly: true });
  const integrity = (probe.pragma('integrity_check', { simple: true }) as string) ?? 'unknown';
  probe.close();
  const open = openSqlite(file, { migrate: false });
  try {
    const audit = await verifyAuditChain(open.db);
    const row = await open.db
      .selectFrom('participants')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return { integrity, audit, participants: Number(row.n), ok: integrity === 'ok' && audit.ok };
  } finally {
    await open.close();
  }
}

/**
 * Puts a checked backup in place of the database. Refuses while any server has the database open, and keeps
 * servers from starting until it is done (server-lock.ts).
 */
export async function restoreDatabase(backupFile: string, targetFile: string): Promise<DatabaseCheck> {
  const release = takeDatabaseLock(targetFile, 'restore');
  try {
    return await restoreUnderLock(backupFile, targetFile);
  } finally {
    release();
  }
}

async function restoreUnderLock(backupFile: string, targetFile: string): Promise<DatabaseCheck> {
  const staged = `${targetFile}.restoring`;
  rmSync(staged, { force: true });
  copyFileSync(backupFile, staged);
  // A backup from an older build gets this build's migrations; a drifted one is refused here.
  const sqlite = new Database(staged);
  try {
    migrate(sqlite);
  } finally {
    sqlite.close();
  }
  const check = await checkDatabase(staged);
  if (!check.ok) {
    rmSync(staged, { force: true });
    throw new Error(
      `The backup is not sound: integrity ${check.integrity}; ${describeVerification(check.audit)}`,
    );
  }
  for (const suffix of ['-wal', '-shm']) rmSync(targetFile + suffix, { force: true });
  renameSync(staged, targetFile);
  return check;
}

// Who has a SQLite database open. A server holds an EXCLUSIVE lock on a side file (`<database>.lock`,
// itself a SQLite file) for as long as it runs: an OS lock (fcntl, through SQLite's own locking), so it is
// held by the process, not by a file's contents, and the kernel releases it when the process dies however it
// dies — no stale pid file, and stopping one process can never release another's lock. A restore takes the
// same lock, without waiting, before it touches anything and keeps it until the new file is in place, so:
// - a restore refuses while any server has the database open;
// - a second server on the same database refuses to start (its aggregates cache and live notices are per
//   process, so two servers on one SQLite file would serve each other's changes late);
// - a server cannot start in the middle of a restore.
import Database from 'better-sqlite3';

export function serverLockFile(databaseFile: string): string {
  return `${databaseFile}.lock`;
}

export class DatabaseInUseError extends Error {
  constructor(databaseFile: string, wanted: 'serve' | 'restore') {
    super(
      wanted === 'restore'
        ? `A server has ${databaseFile} open (it holds ${serverLockFile(databaseFile)}); stop it before restoring`
        : `Another server or a restore has ${databaseFile} open (it holds ${serverLockFile(databaseFile)}); ` +
            'one server per SQLite database',
    );
    this.name = 'DatabaseInUseError';
  }
}

/** Takes the lock without waiting; returns its release, or throws DatabaseInUseError. */
export function takeDatabaseLock(databaseFile: string, wanted: 'serve' | 'restore'): () => void {
  const lock = new Database(serverLockFile(databaseFile));
  try {
    lock.pragma('busy_timeout = 0');
    lock.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    lock.close();
    if ((error as { code?: string }).code === 'SQLITE_BUSY')
      throw new DatabaseInUseError(databaseFile, wanted);
    throw error;
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    lock.exec('ROLLBACK');
    lock.close();
  };
}

/** Whether a server (or a restore) holds the database's lock now. */
export function isDatabaseInUse(databaseFile: string): boolean {
  try {
    takeDatabaseLock(databaseFile, 'restore')();
    return false;
  } catch (error) {
    if (error instanceof DatabaseInUseError) return true;
    throw error;
  }
}

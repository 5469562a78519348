// A write refused because the disk holding the database is full. Both engines say so with their own code:
// SQLite (better-sqlite3) with SQLITE_FULL, which it also returns when a database reaches max_page_count;
// PostgreSQL with SQLSTATE 53100 (disk_full). Either way the transaction did not commit, so the API answers
// 503 with words (the request may succeed once space returns) instead of a bare 500.

/** Whether `error`, or an error it was caused by, is a database that could not write for want of space. */
export function isStorageFull(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 8; depth += 1) {
    const code = (e as { code?: unknown }).code;
    if (code === 'SQLITE_FULL' || code === '53100') return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}

// Reading the audit trail straight from the database, for tests that check what a write recorded.
import type { AuditRow } from '@trialdesk/db';
import type { Harness } from './harness.js';

export async function auditCount(h: Harness): Promise<number> {
  const row = await h.open.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The newest entries with this action, newest first. */
export async function auditRows(h: Harness, action: string): Promise<AuditRow[]> {
  return h.open.db
    .selectFrom('audit_log')
    .selectAll()
    .where('action', '=', action)
    .orderBy('seq', 'desc')
    .execute();
}

export async function lastAudit(h: Harness, action: string): Promise<AuditRow> {
  const [row] = await auditRows(h, action);
  if (!row) throw new Error(`No audit entry ${action}`);
  return row;
}

export function parsed(text: string | null): unknown {
  return text === null ? null : JSON.parse(text);
}

/** Counts of the tables a write may touch, to prove that a refused write left nothing behind. */
export async function snapshotCounts(h: Harness) {
  const count = (table: 'users' | 'sessions' | 'audit_log' | 'login_failures' | 'trial_memberships') =>
    h.open.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  return {
    users: await count('users'),
    sessions: await count('sessions'),
    audit: await count('audit_log'),
    failures: await count('login_failures'),
    memberships: await count('trial_memberships'),
  };
}

// What every use case receives. A use case is `(deps, input) => Promise<output>`: it checks the rules,
// writes the change and its typed audit entry in one transaction, announces the change, and answers.
// Procedures build the deps from their context; tests and scripts can build them directly.
import { appendAuditEvent, type Db } from '@trialdesk/db';
import type { AuditEvent, Lang, Role } from '@trialdesk/domain';
import { nowIso } from '../context.js';
import type { ChangeNotice, LiveBus } from '../live.js';
import { assertNotLocked } from './locks/lock-guard.js';

/** The user a write is done by, with the role (and centre) that applies to it. */
export interface ActingUser {
  id: number;
  username: string;
  displayName: string;
  role: Role;
  centre: string | null;
  /** The address the request came from, for the audit trail. */
  ip: string | null;
}

export interface UseCaseDeps {
  db: Db;
  clock: () => Date;
  actor: ActingUser;
  lang: Lang;
  live: LiveBus;
}

/**
 * Appends the typed audit event of a change; call it with the transaction that makes the change. Every
 * clinical write ends here, so this is where locks are enforced: a new record, correction or void of locked
 * data is refused (409 lock.locked, naming the lock) and the transaction, with the change, rolls back.
 */
export async function writeAudit(deps: UseCaseDeps, trx: Db, event: AuditEvent): Promise<number> {
  await assertNotLocked(deps.lang, trx, event);
  const { id, username, role, ip } = deps.actor;
  return appendAuditEvent(trx, { userId: id, username, role, ip }, nowIso(deps), event);
}

/**
 * The audit entry of a step the system takes by itself (a rule opening or closing an automatic query in the
 * scheduled sweep): no user, role 'system' in words only, so the trail never credits a person with it.
 */
export async function writeSystemAudit(
  deps: Pick<UseCaseDeps, 'clock'>,
  trx: Db,
  event: AuditEvent,
): Promise<number> {
  await assertNotLocked('en', trx, event);
  return appendAuditEvent(
    trx,
    { userId: null, username: 'system', role: null, ip: null },
    nowIso(deps),
    event,
  );
}

/** Tells open dashboards of the trial that something changed (after the transaction committed). */
export function publishChange(
  deps: Pick<UseCaseDeps, 'live' | 'clock'>,
  trialId: string,
  kind: ChangeNotice['kind'],
  centre: string | null,
): void {
  deps.live.publish({ trialId, kind, centre, at: nowIso(deps) });
}

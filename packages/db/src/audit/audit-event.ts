// The one way application code writes to the audit trail: a typed event (domain/audit-events.ts), checked
// against its action's payload shape before it joins the chain. appendAudit below it is the chain's own
// writer, which stores any well-formed entry; lint keeps it out of application code.
import { auditEventSchema, type AuditActor, type AuditEvent } from '@trialdesk/domain';
import type { Db } from '../database.js';
import { appendAudit } from './audit-log.js';

/** Appends one typed event. Call it with the transaction that makes the change. */
export function appendAuditEvent(trx: Db, actor: AuditActor, at: string, event: AuditEvent): Promise<number> {
  return appendAudit(trx, actor, at, auditEventSchema.parse(event));
}

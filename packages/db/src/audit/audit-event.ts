// The one way application code writes to the audit trail: a typed event (domain/audit-events.ts), checked
// against its action's payload shape before it joins the chain. appendAudit below it is the chain's own
// writer, which stores any well-formed entry; lint keeps it out of application code.
import { auditEventSchema, type AuditActor, type AuditEvent } from '@trialdesk/domain';
import { z } from 'zod';
import type { Db } from '../database.js';
import { appendAudit } from './audit-log.js';

/**
 * The event union's members by action. Parsing the whole union tried every member in turn until one fitted
 * (an inclusion's entries are near the end of about seventy: 1 ms of each inclusion in zod, issue 17). Every
 * member's action is a literal, so only the members of the event's own action can accept it: parsing those
 * accepts and refuses exactly what the union does. An unknown action goes to the union, for its error.
 */
const byAction = new Map<string, z.ZodType<AuditEvent>>();
{
  const groups = new Map<string, (typeof auditEventSchema.options)[number][]>();
  for (const option of auditEventSchema.options) {
    const action = String(option.shape.action.value);
    groups.set(action, [...(groups.get(action) ?? []), option]);
  }
  for (const [action, options] of groups)
    byAction.set(action, (options.length === 1 ? options[0]! : z.union(options)) as z.ZodType<AuditEvent>);
}

export function parseAuditEvent(event: unknown): AuditEvent {
  const action = (event as { action?: unknown } | null)?.action;
  const schema = typeof action === 'string' ? byAction.get(action) : undefined;
  return (schema ?? auditEventSchema).parse(event);
}

/** Appends one typed event. Call it with the transaction that makes the change. */
export function appendAuditEvent(trx: Db, actor: AuditActor, at: string, event: AuditEvent): Promise<number> {
  return appendAudit(trx, actor, at, parseAuditEvent(event));
}

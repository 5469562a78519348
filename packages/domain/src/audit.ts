// Audit events: what a trial system must be able to show an inspector. Each action is documented here;
// entries are validated with this schema when written and when read back.
import { z } from 'zod';
import { roles } from './roles.js';
import { monitoringAuditActions } from './monitoring/audit-events.js';
import { gcpAuditActions } from './gcp/audit-events.js';
import { tokenAuditActions } from './tokens/audit-events.js';
import { saeAuditActions } from './sae/audit-events.js';
import { notificationAuditActions } from './notifications/audit-events.js';

export const auditActions = {
  'auth.login': 'A user logged in.',
  'auth.login_failed':
    'A login was refused (unknown user, wrong password, inactive account or rate limit), or a password change gave a wrong current password.',
  'auth.logout': 'A user ended their session.',
  'auth.password_changed': 'A user changed their own password; their other sessions ended.',
  'user.created': 'An administrator created an account.',
  'user.updated': 'An administrator changed an account: role, centre or display name.',
  'user.password_reset': "An administrator reset a user's password; the user's sessions ended.",
  'user.deactivated': "An administrator deactivated an account (never deleted); the user's sessions ended.",
  'user.reactivated': 'An administrator reactivated an account.',
  'membership.set':
    'An administrator gave an account a role (and, for a coordinator, a centre) in a trial, or changed it.',
  'membership.removed':
    "An administrator ended an account's membership of a trial; the membership is kept as history.",
  'trial.registered': 'A trial definition was loaded into this instance.',
  'trial.settings_changed':
    'A trial setting changed, e.g. the recruitment target or which roles see efficacy outcomes.',
  'screening.recorded': 'A screened candidate was logged.',
  'participant.included': 'A participant was included and given a study ID.',
  'surgery.recorded':
    'Surgery and pump placement (or why the pump was not placed) were recorded; sets time zero where the protocol counts from surgery.',
  'cycle.recorded': 'A treatment cycle (pump visit) was recorded.',
  'assessment.recorded': 'A scheduled assessment was recorded as done or missed.',
  'event.recorded':
    'A clinical event was recorded: recurrence, death, complication, withdrawal, loss to follow-up.',
  'record.corrected': 'Saved clinical data were corrected; the reason is required.',
  'record.voided': 'A wrong clinical record was voided (never deleted); the reason is required.',
  'datacut.created': 'A data cut was frozen.',
  'export.created': 'Data were exported (CSV, ODM, FHIR or a report).',
  'meeting.recorded': 'A committee meeting record was written (a draft until the chair signs it).',
  'meeting.signed': 'The chair signed a committee meeting record; it cannot change any more.',
  'outcomes.viewed':
    'Efficacy outcomes were opened (outcomes page, endpoint table, closed report; a PDF or export is audited as an export).',
  'demo.seeded': 'The synthetic demo data were generated.',
  'import.committed':
    'Data from another EDC (ODM or CSV) were imported as one, with the file’s SHA-256 and the mapping used.',
  ...monitoringAuditActions,
  ...gcpAuditActions,
  ...tokenAuditActions,
  ...saeAuditActions,
  ...notificationAuditActions,
} as const;

export type AuditAction = keyof typeof auditActions;
export const auditActionSchema = z.enum(Object.keys(auditActions) as [AuditAction, ...AuditAction[]]);

const jsonValue: z.ZodType<unknown> = z.unknown();

export const auditEntrySchema = z
  .object({
    action: auditActionSchema,
    entityType: z.string().min(1),
    entityId: z.string().nullable(),
    trialId: z.string().nullable(),
    centre: z.string().nullable(),
    /** The participant's study ID where the entry concerns one. */
    participant: z.string().nullable(),
    before: jsonValue.nullable(),
    after: jsonValue.nullable(),
    reason: z.string().nullable(),
  })
  .superRefine((e, ctx) => {
    if ((e.action === 'record.corrected' || e.action === 'record.voided') && !e.reason?.trim())
      ctx.addIssue({ code: 'custom', path: ['reason'], message: 'A correction or void needs a reason' });
  });
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const auditActorSchema = z.object({
  userId: z.number().int().nullable(),
  username: z.string().nullable(),
  role: z.enum(roles).nullable(),
  ip: z.string().nullable(),
});
export type AuditActor = z.infer<typeof auditActorSchema>;

/**
 * Canonical JSON: object keys sorted at every depth, so that the same content always hashes the same
 * whatever order the properties were built in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

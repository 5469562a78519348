// The payload of every audit action, as a typed union (after documenso's document-audit-logs types): each
// action has its entity type and the shape of its before and after values, so a payload of the wrong shape
// does not compile, and the one application writer validates it again when it writes. Values are kept as
// they were written (dates as ISO text); changing a shape here changes what new rows hold, never old ones.
import { z } from 'zod';
import { auditEvent as event } from './audit-event-shape.js';
import { eligibilityRecordSchema } from './eligibility-record.js';
import { outcomeVisibilitySchema } from './outcome-visibility.js';
import { memberRoles, roles } from './roles.js';
import { monitoringAuditEvents } from './monitoring/audit-events.js';
import { gcpAuditEvents } from './gcp/audit-events.js';
import { tokenAuditEvents } from './tokens/audit-events.js';
import { saeAuditEvents } from './sae/audit-events.js';
import { notificationAuditEvents } from './notifications/audit-events.js';

const text = z.string();
const date = z.string();
const count = z.number().int().nonnegative();
const sex = z.enum(['female', 'male']);
const offStudy = z
  .strictObject({ date, reason: z.enum(['died', 'withdrawn', 'lost_to_follow_up']) })
  .nullable();

const user = z.literal('user');
const trial = z.literal('trial');
const none = z.null();

/** What the audit trail keeps of an account: everything an inspector needs, no secret. */
export const accountSnapshot = z.strictObject({
  username: text,
  displayName: text,
  role: z.enum(roles),
  centre: text.nullable(),
  active: z.boolean(),
});
export type AccountSnapshot = z.infer<typeof accountSnapshot>;

const sessionsEnded = z.strictObject({ sessionsEnded: count });

/** What the audit trail keeps of a trial membership (the trial is the entry's trialId). */
export const membershipSnapshot = z.strictObject({
  userId: count,
  username: text,
  role: z.enum(memberRoles),
  centre: text.nullable(),
});
export type MembershipSnapshot = z.infer<typeof membershipSnapshot>;
const membership = z.literal('membership');

// -- Clinical records: the values a correction may change, per kind of record ------------------------------
const participantValues = z.strictObject({
  inclusionDate: date,
  consentDate: date,
  sex,
  ageAtInclusion: z.number(),
  surgeryDate: date.nullable(),
  pumpDate: date.nullable(),
  pumpNotPlacedReason: text.nullable(),
});
const screeningValues = z.strictObject({
  screeningDate: date,
  outcome: z.enum(['included', 'not_eligible', 'declined', 'other']),
  failedCriteria: z.array(text),
  reason: text.nullable(),
});
const cycleValues = z.strictObject({
  cycleDate: date,
  emptyDate: date.nullable(),
  flowRateMlDay: z.number().nullable(),
  returnedVolumeMl: z.number().nullable(),
  doseMg: z.number().nullable(),
  modification: z.enum(['none', 'reduced', 'delayed', 'skipped', 'stopped']),
  modificationReason: text.nullable(),
});
const assessmentValues = z.strictObject({
  performedDate: date.nullable(),
  cea: z.number().nullable(),
  imagingResult: z.enum(['no_recurrence', 'hepatic', 'extrahepatic', 'both']).nullable(),
  missedReason: text.nullable(),
});
const eventValues = z.strictObject({
  date,
  recurrenceSite: z.enum(['hepatic', 'extrahepatic', 'both']).nullable(),
  deathCause: text.nullable(),
  complicationTerm: text.nullable(),
  complicationCategory: z.enum(['surgical', 'pump', 'toxicity', 'other']).nullable(),
  gradeScale: z.enum(['clavien_dindo', 'ctcae']).nullable(),
  grade: text.nullable(),
  haipRelated: z.boolean().nullable(),
  resolutionDate: date.nullable(),
  reason: text.nullable(),
});

/** A correction keeps only the values that changed, before and after. */
const correctedKinds = [
  ['participant', participantValues],
  ['screening', screeningValues],
  ['treatment_cycle', cycleValues],
  ['assessment', assessmentValues],
  ['event', eventValues],
] as const;

/** What a void keeps of the record it marks. */
const voidedKinds = [
  ['participant', z.strictObject({ inclusionDate: date, screeningNumber: text.nullable() })],
  ['screening', z.strictObject({ screeningDate: date, outcome: screeningValues.shape.outcome })],
  [
    'treatment_cycle',
    z.strictObject({ cycle: count, cycleDate: date, modification: cycleValues.shape.modification }),
  ],
  ['assessment', z.strictObject({ status: z.enum(['done', 'missed']), performedDate: date.nullable() })],
  ['event', z.strictObject({ type: text, date })],
] as const;

const correctionReason = text.trim().min(1, 'A correction or void needs a reason');
const corrected = correctedKinds.map(([kind, values]) =>
  event('record.corrected', z.literal(kind), values.partial(), values.partial()).extend({
    reason: correctionReason,
  }),
);
const voided = voidedKinds.map(([kind, before]) =>
  event('record.voided', z.literal(kind), before, z.strictObject({ voided: z.literal(true) })).extend({
    reason: correctionReason,
  }),
);

// -- Exports ------------------------------------------------------------------------------------------
const fileExport = z.strictObject({
  format: z.enum(['csv', 'odm', 'fhir', 'pdf']),
  filename: text,
  asOf: date,
  contentHash: text,
  participants: count.optional(),
  bytes: count,
});
const auditExport = z.strictObject({
  format: z.literal('csv'),
  filters: z.record(z.string(), z.unknown()),
  rows: count,
});

const cycleDeviation = z.strictObject({ earliest: date, latest: date }).nullable();
const eventDetails = z.strictObject({
  type: z.enum(['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up']),
  date,
  site: eventValues.shape.recurrenceSite.unwrap().optional(),
  cause: text.optional(),
  term: text.optional(),
  category: eventValues.shape.complicationCategory.unwrap().optional(),
  gradeScale: eventValues.shape.gradeScale.unwrap().optional(),
  grade: text.optional(),
  haipRelated: z.boolean().optional(),
  resolutionDate: date.nullable().optional(),
  reason: text.optional(),
  offStudy,
});

export const auditEventSchema = z.union([
  // Accounts and sessions
  event('auth.login', user, none, none),
  event('auth.login_failed', user, none, z.strictObject({ username: text.nullable(), reason: text })),
  event('auth.logout', user, none, none),
  event('auth.password_changed', user, none, sessionsEnded),
  event('user.created', user, none, accountSnapshot),
  event('user.updated', user, accountSnapshot, accountSnapshot.extend(sessionsEnded.shape)),
  event(
    'user.password_reset',
    user,
    z.strictObject({ passwordChangedAt: text }),
    z.strictObject({ passwordChangedAt: text, sessionsEnded: count }),
  ),
  event('user.deactivated', user, accountSnapshot, accountSnapshot.extend(sessionsEnded.shape)),
  event('user.reactivated', user, accountSnapshot, accountSnapshot),
  // Trial memberships: before is the membership it replaces (null for a first one)
  event('membership.set', membership, membershipSnapshot.nullable(), membershipSnapshot),
  event('membership.removed', membership, membershipSnapshot, none),
  // Trials
  event('trial.registered', trial, none, z.strictObject({ code: text, target: count })),
  event(
    'trial.settings_changed',
    trial,
    z.strictObject({ target: count }),
    z.strictObject({ target: count }),
  ).extend({ reason: correctionReason }),
  event(
    'trial.settings_changed',
    trial,
    z.strictObject({ outcomeVisibility: outcomeVisibilitySchema.strict() }),
    z.strictObject({ outcomeVisibility: outcomeVisibilitySchema.strict() }),
  ).extend({ reason: correctionReason }),
  // Data entry
  event(
    'screening.recorded',
    z.literal('screening'),
    none,
    screeningValues.extend({ screeningNumber: text, studyId: text.nullable() }),
  ),
  event(
    'participant.included',
    z.literal('participant'),
    none,
    z.strictObject({
      studyId: text,
      centre: text,
      inclusionDate: date,
      consentDate: date,
      ageAtInclusion: z.number(),
      sex,
      eligibility: eligibilityRecordSchema,
      screeningNumber: text,
      screeningLinked: z.boolean(),
      timeZero: date.nullable(),
    }),
  ),
  event(
    'surgery.recorded',
    z.literal('participant'),
    z.strictObject({
      surgeryDate: z.null(),
      pumpDate: date.nullable(),
      pumpNotPlacedReason: text.nullable(),
    }),
    z.strictObject({
      surgeryDate: date,
      pumpDate: date.nullable(),
      pumpNotPlacedReason: text.nullable(),
      timeZero: date.nullable(),
    }),
  ),
  event(
    'cycle.recorded',
    z.literal('treatment_cycle'),
    none,
    cycleValues.extend({ cycle: count, deviation: cycleDeviation }),
  ),
  event(
    'assessment.recorded',
    z.literal('assessment'),
    z.strictObject({ slot: z.strictObject({ month: count, status: text }) }),
    z.strictObject({
      month: count,
      status: z.enum(['done', 'missed']),
      performedDate: date.optional(),
      cea: z.number().nullable().optional(),
      imagingResult: assessmentValues.shape.imagingResult.unwrap().optional(),
      reason: text.optional(),
      outOfWindow: z.boolean(),
    }),
  ),
  event('event.recorded', z.literal('event'), none, eventDetails),
  ...corrected,
  ...voided,
  // Monitoring: queries and source data verification
  ...monitoringAuditEvents,
  // Locks and electronic signatures
  ...gcpAuditEvents,
  // Personal API tokens
  ...tokenAuditEvents,
  // Serious adverse events and protocol deviations
  ...saeAuditEvents,
  // Email addresses and notification settings
  ...notificationAuditEvents,
  // The committee's data
  event(
    'datacut.created',
    z.literal('data_cut'),
    none,
    z.strictObject({ label: text, asOf: date, contentHash: text, participants: count, auditSeq: count }),
  ),
  event('export.created', z.enum(['data_cut', 'trial']), none, fileExport),
  // Committee meetings: a draft record, then the chair's signature over the hash of what was signed.
  event(
    'meeting.recorded',
    z.literal('committee_meeting'),
    none,
    z.strictObject({
      meetingDate: date,
      attendees: z.array(text),
      cutId: count,
      cutHash: text,
      recommendation: z.enum(['continue', 'modify', 'pause', 'stop']),
      minutes: text,
    }),
  ),
  event(
    'meeting.signed',
    z.literal('committee_meeting'),
    none,
    z.strictObject({ signedBy: text, signedAt: text, signatureHash: text, cutHash: text }),
  ),
  // Efficacy outcomes are closed before the primary analysis: every look at them is on the record.
  event(
    'outcomes.viewed',
    z.enum(['data_cut', 'trial']),
    none,
    z.strictObject({
      view: z.enum(['outcomes', 'endpoints', 'report']),
      asOf: date,
      contentHash: text.nullable(),
    }),
  ),
  event('export.created', z.literal('audit_log'), none, auditExport),
  // An import from another EDC, committed as one: the file's hash and the mapping it was read with. Each
  // record it wrote has its own entry (participant.included, cycle.recorded, record.corrected …) beside it.
  event(
    'import.committed',
    trial,
    none,
    z.strictObject({
      format: z.enum(['odm', 'csv']),
      filename: text,
      sha256: text,
      bytes: count,
      mapping: z.record(z.string(), z.unknown()),
      subjects: count,
      created: count,
      changed: count,
      unchanged: count,
      /** Source subject key → the study ID the import gave the participant (new participants only). */
      participants: z.record(z.string(), text),
    }),
  ),
  event(
    'demo.seeded',
    trial,
    none,
    z.strictObject({
      synthetic: z.literal(true),
      seed: z.number(),
      asOf: date,
      participants: count,
      screenings: count,
    }),
  ),
]);
export type AuditEvent = z.infer<typeof auditEventSchema>;

type PickEach<T, K extends keyof T> = T extends unknown ? Pick<T, K> : never;
/** What a correction changed, per kind of record: the part of record.corrected that the record decides. */
export type CorrectedChange = PickEach<
  Extract<AuditEvent, { action: 'record.corrected' }>,
  'entityType' | 'before' | 'after'
>;
/** What a void keeps of the record it marks, per kind of record. */
export type VoidedRecord = PickEach<
  Extract<AuditEvent, { action: 'record.voided' }>,
  'entityType' | 'before'
>;

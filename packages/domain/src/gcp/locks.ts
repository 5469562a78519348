// Locks (issue 14, ICH E6(R3) data integrity before an analysis): the data manager locks the whole trial, a
// participant, or one record (a pump visit, an assessment visit, an event) and locked data refuse every
// change until the lock is lifted with a reason. Which writes a lock refuses is decided here, by audit
// action: every clinical write ends in exactly one of these audit entries, written in its own transaction,
// so the API checks the locks where that entry is written (use-cases/deps.ts writeAudit).
import { z } from 'zod';
import { entryStudyId, entryText, entryTrialId, recordId } from '../entry/common.js';
import type { AuditAction } from '../audit.js';

export const lockScopes = ['trial', 'participant', 'record'] as const;
export type LockScope = (typeof lockScopes)[number];

export const lockRecordTypes = ['cycle', 'assessment', 'event'] as const;
export type LockRecordType = (typeof lockRecordTypes)[number];

/** The audit actions of clinical data: new records, corrections and voids. A lock refuses each of them. */
export const lockedAuditActions = [
  'screening.recorded',
  'participant.included',
  'surgery.recorded',
  'cycle.recorded',
  'assessment.recorded',
  'event.recorded',
  'record.corrected',
  'record.voided',
] as const satisfies readonly AuditAction[];

const lockedSet: ReadonlySet<string> = new Set(lockedAuditActions);
export function isLockedAction(action: string): boolean {
  return lockedSet.has(action);
}

/** The record type a lock names for an audit entry's entity type, or null for entities not lockable alone. */
export function lockRecordTypeOf(entityType: string): LockRecordType | null {
  if (entityType === 'treatment_cycle') return 'cycle';
  if (entityType === 'assessment' || entityType === 'event') return entityType;
  return null;
}

export const lockInput = z
  .strictObject({
    trialId: entryTrialId,
    /** A participant (and, with recordType and recordId, one of their records); none: the whole trial. */
    studyId: entryStudyId.optional(),
    recordType: z.enum(lockRecordTypes).optional(),
    recordId: recordId.optional(),
    reason: entryText(500),
  })
  .superRefine((v, ctx) => {
    if ((v.recordType === undefined) !== (v.recordId === undefined))
      ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'lock.record.incomplete' });
    if (v.recordType !== undefined && v.studyId === undefined)
      ctx.addIssue({ code: 'custom', path: ['studyId'], message: 'lock.studyId.required' });
  });
export type LockInput = z.input<typeof lockInput>;

export const unlockInput = z.strictObject({ lockId: recordId, reason: entryText(500) });
export type UnlockInput = z.input<typeof unlockInput>;

export const lockListInput = z.strictObject({
  trialId: entryTrialId,
  studyId: entryStudyId.optional(),
  /** Lifted locks too (the history); default only the locks in force. */
  includeLifted: z.boolean().optional(),
});

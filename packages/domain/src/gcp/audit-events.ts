// Audit payloads of locks and electronic signatures, spread into the one audit union (audit-events.ts).
import { z } from 'zod';
import { auditEvent as event } from '../audit-event-shape.js';
import { lockRecordTypes, lockScopes } from './locks.js';
import { signatureKinds } from './signatures.js';

const text = z.string();

const reason = text.trim().min(1, 'A lock or unlock needs a reason');
const lockTarget = z.strictObject({
  scope: z.enum(lockScopes),
  recordType: z.enum(lockRecordTypes).nullable(),
  recordId: z.number().int().nullable(),
});

export const gcpAuditEvents = [
  event('lock.set', z.literal('data_lock'), z.null(), lockTarget).extend({ reason }),
  event(
    'lock.lifted',
    z.literal('data_lock'),
    lockTarget.extend({ lockedAt: text, lockedBy: text, lockReason: text }),
    z.strictObject({ lifted: z.literal(true) }),
  ).extend({ reason }),
  event(
    'signature.signed',
    z.literal('signature'),
    z.null(),
    z.strictObject({
      kind: z.enum(signatureKinds),
      signedEntityId: text,
      meaning: text,
      dataHash: text,
      signerName: text,
    }),
  ),
] as const;

export const gcpAuditActions = {
  'lock.set':
    'The data manager locked the trial, a participant or a record: changes to it are refused until unlocked.',
  'lock.lifted': 'The data manager lifted a lock, with a reason.',
  'signature.signed':
    'An electronic signature (password re-entered) bound to a SHA-256 of the exact data signed, with its meaning.',
} as const;

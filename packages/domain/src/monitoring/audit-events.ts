// Audit payloads of queries and source data verification, spread into the one audit union
// (audit-events.ts). Every step of a query is one entry; a step the system takes (an automatic query opened,
// closed or reopened by a rule) names the rule in its reason.
import { z } from 'zod';
import { auditEvent as event } from '../audit-event-shape.js';
import { autoQueryRules, queryRecordTypes, queryStatuses } from './queries.js';
import { sdvRecordTypes } from './sdv.js';

const text = z.string();
const status = z.enum(queryStatuses);
const query = z.literal('query');
const sdv = z.literal('sdv_mark');

const target = {
  recordType: z.enum(queryRecordTypes).nullable(),
  recordId: z.number().int().nullable(),
  field: text.nullable(),
};
const sdvTarget = {
  recordType: z.enum(sdvRecordTypes),
  recordId: z.number().int(),
  field: text.nullable(),
};

export const monitoringAuditEvents = [
  event(
    'query.opened',
    query,
    z.null(),
    z.strictObject({
      ...target,
      text: text.nullable(),
      origin: z.enum(['manual', 'auto']),
      rule: z.enum(autoQueryRules).nullable(),
    }),
  ),
  event(
    'query.answered',
    query,
    z.strictObject({ status }),
    z.strictObject({ status: z.literal('answered'), text }),
  ),
  event(
    'query.closed',
    query,
    z.strictObject({ status }),
    z.strictObject({ status: z.literal('closed'), text: text.nullable(), bySystem: z.boolean() }),
  ),
  event(
    'query.reopened',
    query,
    z.strictObject({ status }),
    z.strictObject({ status: z.literal('open'), text: text.nullable(), bySystem: z.boolean() }),
  ),
  event(
    'query.correction_linked',
    query,
    z.null(),
    z.strictObject({ record: text, entityId: text, correctionSeq: z.number().int() }),
  ),
  event('sdv.verified', sdv, z.null(), z.strictObject(sdvTarget)),
  event(
    'sdv.invalidated',
    sdv,
    z.strictObject({ ...sdvTarget, verifiedAt: text, verifiedBy: text }),
    z.strictObject({ cause: z.enum(['corrected', 'voided']), fields: z.array(text) }),
  ),
] as const;

export const monitoringAuditActions = {
  'query.opened': 'A data query was opened on a participant, a record or a field (by a user or by a rule).',
  'query.answered': 'The site answered a data query.',
  'query.closed': 'A data query was closed by its reviewer, or by the system when the data were fixed.',
  'query.reopened': 'A data query was sent back or reopened (by a reviewer, or by a rule that fires again).',
  'query.correction_linked': 'A correction was made in answer to a data query.',
  'sdv.verified': 'A monitor marked a record or a field verified against the source.',
  'sdv.invalidated': 'A correction or void of a verified value removed its verification mark.',
} as const;

// What a correction or void means for monitoring, inside its transaction: the SDV marks on what changed end
// (audited, and shown on the record as removed by the correction), a correction made in answer to a query
// joins that query's conversation, and the automatic rules run again for the participant.
import { entryMessage, type TrialDefinition } from '@trialdesk/domain';
import {
  findParticipant,
  insertQueryStep,
  invalidateSdvMarks,
  type Db,
  type SdvRecordKind,
} from '@trialdesk/db';
import { nowIso } from '../../context.js';
import { invalidInput } from '../../errors.js';
import { writeAudit, type UseCaseDeps } from '../deps.js';
import { loadQueryFor } from './query-access.js';
import { syncAutoQueries } from './sync-auto-queries.js';

export interface RecordChange {
  record: 'participant' | 'screening' | 'cycle' | 'assessment' | 'event';
  entityId: string;
  studyId: string | null;
  /** The fields whose values changed, or 'all' for a void. */
  fields: readonly string[] | 'all';
  cause: 'corrected' | 'voided';
  reason: string;
  queryId: number | undefined;
  /** The sequence number of the change's own audit entry, which the query's step points to. */
  auditSeq: number;
}

export async function afterRecordChange(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  c: RecordChange,
): Promise<void> {
  const p = c.studyId === null ? undefined : await findParticipant(trx, def.id, c.studyId);
  if (c.queryId !== undefined) await linkQuery(deps, trx, c, p?.id);
  if (!p) return;
  if (c.record !== 'screening') await endSdvMarks(deps, trx, def, c, p);
  await syncAutoQueries(deps, trx, def, p.id);
}

async function endSdvMarks(
  deps: UseCaseDeps,
  trx: Db,
  def: TrialDefinition,
  c: RecordChange,
  p: { id: number; studyId: string; centre: string },
): Promise<void> {
  const recordType = c.record as SdvRecordKind;
  const recordId = recordType === 'participant' ? p.id : Number(c.entityId);
  const ended = await invalidateSdvMarks(
    trx,
    { recordType, recordId, fields: c.fields },
    { userId: deps.actor.id, name: deps.actor.displayName, at: nowIso(deps), cause: c.cause },
  );
  for (const m of ended)
    await writeAudit(deps, trx, {
      action: 'sdv.invalidated',
      entityType: 'sdv_mark',
      entityId: String(m.id),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      reason: c.reason,
      before: {
        recordType: m.recordType,
        recordId: m.recordId,
        field: m.field,
        verifiedAt: m.verifiedAt,
        verifiedBy: m.verifiedByName,
      },
      after: { cause: c.cause, fields: c.fields === 'all' ? [] : [...c.fields] },
    });
}

/** The query must be about this participant and not closed; otherwise nothing of the correction is kept. */
async function linkQuery(
  deps: UseCaseDeps,
  trx: Db,
  c: RecordChange,
  participantId: number | undefined,
): Promise<void> {
  const id = c.queryId as number;
  const refuse = (key: 'query.correction.unknown' | 'query.correction.closed') =>
    invalidInput({ queryId: [entryMessage(key, deps.lang, { id })] });
  const { query } = await loadQueryFor(deps, trx, id, 'clinical:correct').catch(() => {
    throw refuse('query.correction.unknown');
  });
  if (participantId === undefined || query.participantId !== participantId)
    throw refuse('query.correction.unknown');
  if (query.status === 'closed') throw refuse('query.correction.closed');
  await insertQueryStep(trx, {
    queryId: id,
    at: nowIso(deps),
    kind: 'correction',
    userId: deps.actor.id,
    userName: deps.actor.displayName,
    role: deps.actor.role,
    text: c.reason,
    systemKey: null,
    systemParams: { record: c.record, entityId: c.entityId, cause: c.cause },
    correctionSeq: c.auditSeq,
  });
  await writeAudit(deps, trx, {
    action: 'query.correction_linked',
    entityType: 'query',
    entityId: String(id),
    trialId: query.trialId,
    centre: query.centre,
    participant: query.studyId,
    reason: c.reason,
    before: null,
    after: { record: c.record, entityId: c.entityId, correctionSeq: c.auditSeq },
  });
}

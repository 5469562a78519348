// A monitor, the PI or the data manager opens a query on a participant, one of its records, or one field
// of it. The participant is found as everywhere (unknown or out of scope answers as missing); the record
// must be that participant's and still count.
import type { queryOpenInput } from '@trialdesk/domain';
import { insertQuery, insertQueryStep, recordOwner, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { fieldError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { noticeQueryOpened } from '../notifications/query-notices.js';

type Input = z.output<typeof queryOpenInput>;

export async function openQuery(deps: UseCaseDeps, input: Input): Promise<{ queryId: number }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const at = nowIso(deps);
  // A field without a record type is a field of the participant's own (inclusion) record.
  const recordType = input.recordType ?? (input.field !== undefined ? 'participant' : null);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'query:open', def.id, input.studyId);
    let recordId: number | null = null;
    if (recordType !== null && recordType !== 'participant' && input.recordId !== undefined) {
      const owner = await recordOwner(trx, def.id, recordType, input.recordId);
      if (!owner || owner.participantId !== p.id) throw fieldError(deps, 'recordId', 'query.record.unknown');
      if (owner.voided) throw fieldError(deps, 'recordId', 'query.record.voided');
      recordId = input.recordId;
    }
    const { actor } = deps;
    const queryId = await insertQuery(trx, {
      trialId: def.id,
      centre: p.centre,
      participantId: p.id,
      recordType,
      recordId,
      field: input.field ?? null,
      origin: 'manual',
      rule: null,
      autoKey: null,
      openedAt: at,
      openedBy: actor.id,
      openedByName: actor.displayName,
      openedRole: actor.role,
    });
    await insertQueryStep(trx, {
      queryId,
      at,
      kind: 'open',
      userId: actor.id,
      userName: actor.displayName,
      role: actor.role,
      text: input.text,
      systemKey: null,
      systemParams: null,
      correctionSeq: null,
    });
    await writeAudit(deps, trx, {
      action: 'query.opened',
      entityType: 'query',
      entityId: String(queryId),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      reason: null,
      before: null,
      after: {
        recordType,
        recordId,
        field: input.field ?? null,
        text: input.text,
        origin: 'manual',
        rule: null,
      },
    });
    await noticeQueryOpened(trx, deps, {
      trialId: def.id,
      trialCode: trial.code,
      centre: p.centre,
      studyId: p.studyId,
      queryId,
    });
    return { queryId, centre: p.centre };
  });
  publishChange(deps, def.id, 'query', result.centre);
  return { queryId: result.queryId };
}

// Corrections of saved records, each with its reason, audited as record.corrected with the before and
// after of the changed values. Coordinators correct at their own centre; the PI and administrators anywhere.
import type { correctionInput } from '@trialdesk/domain';
import { writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { today } from '../../context.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { afterRecordChange } from '../monitoring/after-record-change.js';
import { correctParticipant } from './correct-participant.js';
import { correctAssessment, correctCycle, correctEvent, correctScreening } from './correct-records.js';

type Input = z.output<typeof correctionInput>;

export interface Correction {
  record: Input['target']['record'];
  entityId: string;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

export async function correctRecord(deps: UseCaseDeps, input: Input): Promise<Correction> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const asOf = today(deps);
  const t = input.target;
  const result = await writeTransaction(deps.db, async (trx) => {
    const r =
      t.record === 'participant'
        ? await correctParticipant(deps, trx, def, t, asOf)
        : t.record === 'screening'
          ? await correctScreening(deps, trx, def, t, asOf)
          : t.record === 'cycle'
            ? await correctCycle(deps, trx, def, t, asOf)
            : t.record === 'assessment'
              ? await correctAssessment(deps, trx, def, t, asOf)
              : await correctEvent(deps, trx, def, t, asOf);
    const auditSeq = await writeAudit(deps, trx, {
      action: 'record.corrected',
      ...r.change,
      entityId: r.entityId,
      trialId: def.id,
      centre: r.centre,
      participant: r.studyId,
      reason: input.reason,
    });
    await afterRecordChange(deps, trx, def, {
      record: t.record,
      entityId: r.entityId,
      studyId: r.studyId,
      fields: Object.keys(r.change.after),
      cause: 'corrected',
      reason: input.reason,
      queryId: input.queryId,
      auditSeq,
    });
    return r;
  });
  publishChange(deps, def.id, 'correction', result.centre);
  const { before, after } = result.change;
  return { record: t.record, entityId: result.entityId, before, after };
}

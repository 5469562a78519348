// Out-of-window visits and pump cycles are protocol deviations: the system logs each one itself, once,
// inside the write that made (or showed) it out of window, and in the scheduled sweep for data entered
// before the log existed. The key (`cycle:<id>`, `assessment:<id>`) is unique per trial in the database,
// so neither a second write nor a second instance logs it twice. A later correction into the window leaves
// the entry in the log (it happened; the correction's reason says why), as a deviation log should.
import type { TrialDefinition } from '@trialdesk/domain';
import {
  findParticipantById,
  insertDeviation,
  outOfWindowFindings,
  type Db,
  type Participant,
} from '@trialdesk/db';
import { nowIso } from '../../context.js';
import { writeAudit, writeSystemAudit, type UseCaseDeps } from '../deps.js';
import { SYSTEM_NAME, type SweepDeps } from '../system-actor.js';

/** Logs the participant's out-of-window visits and cycles not logged yet; returns how many it logged. */
export async function syncAutoDeviations(
  deps: UseCaseDeps | SweepDeps,
  trx: Db,
  def: TrialDefinition,
  participant: number | Participant,
): Promise<number> {
  // The automatic queries' sync, which calls this in the same transaction, passes the row it just read.
  const p = typeof participant === 'number' ? await findParticipantById(trx, participant) : participant;
  if (!p || p.voided !== null) return 0;
  const findings = await outOfWindowFindings(trx, def.id, p.id);
  const actor = 'actor' in deps ? deps.actor : null;
  let logged = 0;
  for (const f of findings) {
    const id = await insertDeviation(trx, {
      trialId: def.id,
      centre: p.centre,
      participantId: p.id,
      category: f.category,
      severity: 'minor',
      description: f.description,
      date: f.date,
      correctiveAction: null,
      origin: 'auto',
      autoKey: f.key,
      recordType: f.recordType,
      recordId: f.recordId,
      createdAt: nowIso(deps),
      createdBy: actor?.id ?? null,
      createdByName: SYSTEM_NAME,
    });
    if (id === null) continue;
    const event = {
      action: 'deviation.recorded' as const,
      entityType: 'deviation' as const,
      entityId: String(id),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      reason: `rule: ${f.category}`,
      before: null,
      after: {
        category: f.category,
        severity: 'minor' as const,
        description: f.description,
        date: f.date,
        correctiveAction: null,
        origin: 'auto' as const,
        recordType: f.recordType,
        recordId: f.recordId,
      },
    };
    if ('actor' in deps) await writeAudit(deps, trx, event);
    else await writeSystemAudit(deps, trx, event);
    logged += 1;
  }
  return logged;
}

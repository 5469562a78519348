// The steps after an SAE's initial report: follow-up reports by the site (numbered in order), the PI's
// review (once), and a SUSAR's report to the authorities (once, on its 7- or 15-day clock).
import {
  saeClocks,
  type AuditEvent,
  type saeFollowUpInput,
  type saeReviewInput,
  type susarReportInput,
} from '@trialdesk/domain';
import {
  insertFollowUp,
  markSaeReviewed,
  markSusarReported,
  writeTransaction,
  type Db,
  type SaeRecord,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { appError } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { loadSae } from './sae-access.js';

/** A step on an SAE: its action and what it recorded (the rest of the audit entry is the SAE's own). */
type SaeStepEvent = AuditEvent extends infer E
  ? E extends { entityType: 'sae'; action: 'sae.follow_up_added' | 'sae.reviewed' | 'sae.susar_reported' }
    ? Omit<E, 'entityType' | 'entityId' | 'trialId' | 'centre' | 'participant' | 'reason' | 'before'>
    : never
  : never;

/** The audit entry of a step after the initial report: the SAE's envelope (its centre and participant). */
function auditSae(deps: UseCaseDeps, trx: Db, trialId: string, sae: SaeRecord, step: SaeStepEvent) {
  return writeAudit(deps, trx, {
    ...step,
    entityType: 'sae',
    entityId: String(sae.id),
    trialId,
    centre: sae.centre,
    participant: sae.studyId,
    reason: null,
    before: null,
  });
}

export async function addSaeFollowUp(
  deps: UseCaseDeps,
  input: z.output<typeof saeFollowUpInput>,
): Promise<{ saeId: number; seq: number }> {
  const trial = await loadTrial(deps, input.trialId);
  const result = await writeTransaction(deps.db, async (trx) => {
    const sae = await loadSae(deps, trx, 'sae:report', trial.id, input.saeId);
    const seq = await insertFollowUp(trx, {
      saeId: sae.id,
      text: input.text,
      reportedAt: nowIso(deps),
      reportedBy: deps.actor.id,
      reportedByName: deps.actor.displayName,
    });
    await auditSae(deps, trx, trial.id, sae, {
      action: 'sae.follow_up_added',
      after: { seq, text: input.text },
    });
    return { seq, centre: sae.centre };
  });
  publishChange(deps, trial.id, 'sae', result.centre);
  return { saeId: input.saeId, seq: result.seq };
}

export async function reviewSae(
  deps: UseCaseDeps,
  input: z.output<typeof saeReviewInput>,
): Promise<{ saeId: number; reviewedAt: string }> {
  const trial = await loadTrial(deps, input.trialId);
  const at = nowIso(deps);
  const centre = await writeTransaction(deps.db, async (trx) => {
    const sae = await loadSae(deps, trx, 'sae:review', trial.id, input.saeId);
    const done = await markSaeReviewed(trx, {
      id: sae.id,
      at,
      by: deps.actor.id,
      byName: deps.actor.displayName,
      comment: input.comment,
    });
    if (!done) throw appError(deps, 'CONFLICT', 'sae.reviewed', { id: sae.id, by: sae.reviewedByName ?? '' });
    await auditSae(deps, trx, trial.id, sae, { action: 'sae.reviewed', after: { comment: input.comment } });
    return sae.centre;
  });
  publishChange(deps, trial.id, 'sae', centre);
  return { saeId: input.saeId, reviewedAt: at };
}

export async function reportSusar(
  deps: UseCaseDeps,
  input: z.output<typeof susarReportInput>,
): Promise<{ saeId: number; onTime: boolean; dueAt: string }> {
  const trial = await loadTrial(deps, input.trialId);
  const at = nowIso(deps);
  const result = await writeTransaction(deps.db, async (trx) => {
    const sae = await loadSae(deps, trx, 'sae:review', trial.id, input.saeId);
    if (!sae.susar) throw appError(deps, 'CONFLICT', 'sae.notSusar', { id: sae.id });
    if (sae.susarReportedAt !== null)
      throw appError(deps, 'CONFLICT', 'sae.susarReported', {
        id: sae.id,
        reference: sae.susarReference ?? '',
      });
    const clock = saeClocks(
      {
        awareAt: sae.awareAt,
        initialReportedAt: sae.reportedAt,
        susar: true,
        criteria: sae.criteria,
        susarReportedAt: at,
      },
      at,
    ).susar!;
    await markSusarReported(trx, {
      id: sae.id,
      at,
      by: deps.actor.id,
      byName: deps.actor.displayName,
      reference: input.reference,
    });
    await auditSae(deps, trx, trial.id, sae, {
      action: 'sae.susar_reported',
      after: { reference: input.reference, dueAt: clock.dueAt, onTime: clock.state === 'on_time' },
    });
    return { centre: sae.centre, onTime: clock.state === 'on_time', dueAt: clock.dueAt };
  });
  publishChange(deps, trial.id, 'sae', result.centre);
  return { saeId: input.saeId, onTime: result.onTime, dueAt: result.dueAt };
}

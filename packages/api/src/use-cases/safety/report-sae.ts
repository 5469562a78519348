// The site reports a serious adverse event on one of a participant's events (a complication or a death):
// seriousness criteria, causality to each study intervention of the trial definition, expectedness against
// each related intervention's reference safety information, and when the site became aware (Amsterdam wall
// clock). The 24-hour clock is settled at the moment the report reaches the server: on time or late.
import {
  INITIAL_REPORT_MS,
  instantOfLocal,
  isSusar,
  localDateTime,
  reportClock,
  saeEventTypes,
  type reportSaeInput,
} from '@trialdesk/domain';
import { currentEvents, findSaeOfEvent, insertSae, writeTransaction } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import { appError } from '../../field-errors.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { noticeSaeReported } from '../notifications/sae-notices.js';

export async function reportSae(
  deps: UseCaseDeps,
  input: z.output<typeof reportSaeInput>,
): Promise<{ saeId: number; susar: boolean; onTime: boolean; dueAt: string }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const now = nowIso(deps);
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'sae:report', def.id, input.studyId);
    const errors = new FieldErrors(deps.lang);
    const events = await currentEvents(trx, p.id);
    const event = events.find((e) => e.id === input.eventId && e.voided === null);
    if (!event) {
      errors.add('eventId', 'sae.event.unknown');
      errors.throwIfAny();
      throw new Error('unreachable');
    }
    if (!(saeEventTypes as readonly string[]).includes(event.type)) errors.add('eventId', 'sae.event.type');
    const existing = await findSaeOfEvent(trx, event.id);
    if (existing) throw appError(deps, 'CONFLICT', 'sae.event.already', { id: existing.id });

    // Death is always an SAE, with the criterion death; death as a criterion needs a recorded death.
    const hasDeath = events.some((e) => e.type === 'death' && e.voided === null);
    if (event.type === 'death' && !input.criteria.includes('death'))
      errors.add('criteria', 'sae.criteria.death');
    if (input.criteria.includes('death') && !hasDeath)
      errors.add('criteria', 'sae.criteria.deathWithoutDeath');

    // Causality to every intervention the trial definition lists, and to none it does not.
    const known = new Set(def.safety.interventions.map((i) => i.id));
    input.assessments.forEach((a, i) => {
      if (!known.has(a.intervention)) errors.add(`assessments.${i}.intervention`, 'sae.intervention.unknown');
    });
    const given = new Set(input.assessments.map((a) => a.intervention));
    const missing = def.safety.interventions.filter((i) => !given.has(i.id)).map((i) => i.name[deps.lang]);
    if (missing.length > 0)
      errors.add('assessments', 'sae.intervention.missing', { missing: missing.join(', ') });

    const aware = instantOfLocal(input.awareAt);
    if (!aware) errors.add('awareAt', 'sae.awareAt.nonexistent');
    else if (aware.toISOString() > now)
      errors.add('awareAt', 'sae.awareAt.future', { now: localDateTime(now).replace('T', ' ') });
    else if (input.awareAt.slice(0, 10) < event.date)
      errors.add('awareAt', 'sae.awareAt.beforeEvent', { date: event.date });
    errors.throwIfAny();

    const awareAt = aware!.toISOString();
    const clock = reportClock(awareAt, INITIAL_REPORT_MS, now, now);
    const susar = isSusar(input.assessments);
    const saeId = await insertSae(trx, {
      trialId: def.id,
      participantId: p.id,
      centre: p.centre,
      eventId: event.id,
      criteria: input.criteria,
      assessments: input.assessments,
      susar,
      awareAt,
      description: input.description,
      reportedAt: now,
      reportedBy: deps.actor.id,
      reportedByName: deps.actor.displayName,
    });
    await writeAudit(deps, trx, {
      action: 'sae.reported',
      entityType: 'sae',
      entityId: String(saeId),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      reason: null,
      before: null,
      after: {
        eventId: event.id,
        eventType: event.type as 'complication' | 'death',
        criteria: input.criteria,
        assessments: input.assessments,
        susar,
        awareAt,
        description: input.description,
        initialReportDueAt: clock.dueAt,
        onTime: clock.state === 'on_time',
      },
    });
    await noticeSaeReported(trx, deps, {
      trialId: def.id,
      trialCode: trial.code,
      studyId: p.studyId,
      saeId,
      dueAt: clock.dueAt,
    });
    return { saeId, centre: p.centre, susar, onTime: clock.state === 'on_time', dueAt: clock.dueAt };
  });
  publishChange(deps, def.id, 'sae', result.centre);
  return { saeId: result.saeId, susar: result.susar, onTime: result.onTime, dueAt: result.dueAt };
}

import { earliestClinicalDate } from '@trialdesk/domain';
// Clinical events. A death, withdrawal or loss to follow-up takes the participant off study (the earliest
// one counts) and closes the assessments due after it; only one death, and nothing dated after it.
import type { eventInput, IsoDate } from '@trialdesk/domain';
import {
  currentEvents,
  insertEvent,
  latestRecordDate,
  recomputeOffStudy,
  writeTransaction,
  type ClinicalEvent,
  type Db,
  type EventValues,
  type OffStudy,
  type Participant,
} from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipantForWrite } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso, today } from '../../context.js';
import { FieldErrors } from '../../field-errors.js';
import { publishChange, writeAudit, type UseCaseDeps } from '../deps.js';
import { syncAutoQueries } from '../monitoring/sync-auto-queries.js';

type Details = z.infer<typeof eventInput>['event'];
export const offStudyTypes: ReadonlySet<string> = new Set(['death', 'withdrawal', 'lost_to_follow_up']);

/**
 * Rules against the participant's other current events; `others` leaves out the event being corrected.
 * Field names are relative to the event (the caller prefixes them).
 */
export async function checkEvent(
  errors: FieldErrors,
  trx: Db,
  p: Pick<Participant, 'id' | 'inclusionDate'>,
  e: { type: string; date: IsoDate; resolutionDate: IsoDate | null },
  others: readonly ClinicalEvent[],
  asOf: IsoDate,
  prefix: string,
  isNew = true,
): Promise<void> {
  const f = (name: string) => `${prefix}${name}`;
  errors
    .plausibleDate(f('date'), e.date, asOf)
    .notBefore(f('date'), e.date, p.inclusionDate, 'entry.date.beforeInclusion')
    .plausibleDate(f('resolutionDate'), e.resolutionDate, asOf);
  const death = others.find((o) => o.type === 'death');
  if (e.type === 'death') {
    if (death) errors.add(f('type'), 'entry.event.secondDeath');
    // Every other dated record (deaths excluded, so a corrected death is not compared with itself).
    const latest = await latestRecordDate(trx, p.id);
    if (latest && e.date < latest) errors.add(f('date'), 'entry.date.recordsAfter', { date: latest });
  } else if (death && e.date > death.date) {
    errors.add(f('date'), 'entry.date.afterDeath', { date: death.date });
  }
  // A second withdrawal or loss is refused; an existing one may still be corrected after a death was recorded.
  if (isNew && (e.type === 'withdrawal' || e.type === 'lost_to_follow_up')) {
    const off = others.find((o) => offStudyTypes.has(o.type));
    if (off)
      errors.add(f('type'), 'entry.event.alreadyOffStudy', {
        reason: off.type.replace(/_/g, ' '),
        date: off.date,
      });
  }
}

/** The stored values of an event as entered: what its kind does not have is null. */
function valuesOf(d: Details): EventValues {
  const none = {
    date: d.date,
    recurrenceSite: null,
    deathCause: null,
    complicationTerm: null,
    complicationCategory: null,
    gradeScale: null,
    grade: null,
    haipRelated: null,
    resolutionDate: null,
    reason: null,
  };
  switch (d.type) {
    case 'recurrence':
      return { ...none, recurrenceSite: d.site };
    case 'death':
      return { ...none, deathCause: d.cause };
    case 'complication':
      return {
        ...none,
        complicationTerm: d.term,
        complicationCategory: d.category,
        gradeScale: d.gradeScale,
        grade: d.grade,
        haipRelated: d.haipRelated,
        resolutionDate: d.resolutionDate,
      };
    case 'withdrawal':
    case 'lost_to_follow_up':
      return { ...none, reason: d.reason };
  }
}

export async function recordEvent(
  deps: UseCaseDeps,
  input: z.output<typeof eventInput>,
): Promise<{ id: number; offStudy: OffStudy | null }> {
  const trial = await loadTrial(deps, input.trialId);
  const def = trial.definition;
  const d = input.event;
  const result = await writeTransaction(deps.db, async (trx) => {
    const p = await loadParticipantForWrite(deps, trx, 'clinical:write', def.id, input.studyId);
    const errors = new FieldErrors(deps.lang, '', earliestClinicalDate(def));
    const resolutionDate = d.type === 'complication' ? d.resolutionDate : null;
    await checkEvent(
      errors,
      trx,
      p,
      { type: d.type, date: d.date, resolutionDate },
      await currentEvents(trx, p.id),
      today(deps),
      'event.',
    );
    errors.throwIfAny();
    const owner = { trialId: def.id, participantId: p.id, centre: p.centre };
    const created = { createdAt: nowIso(deps), createdBy: deps.actor.id };
    const id = await insertEvent(trx, { ...owner, ...created }, d.type, valuesOf(d));
    const offStudy = offStudyTypes.has(d.type) ? await recomputeOffStudy(trx, p.id) : undefined;
    await writeAudit(deps, trx, {
      action: 'event.recorded',
      entityType: 'event',
      entityId: String(id),
      trialId: def.id,
      centre: p.centre,
      participant: p.studyId,
      before: null,
      after: { ...d, offStudy: offStudy ?? null },
      reason: null,
    });
    await syncAutoQueries(deps, trx, def, p.id);
    return { id, centre: p.centre, offStudy: offStudy ?? null };
  });
  publishChange(deps, def.id, 'event', result.centre);
  return { id: result.id, offStudy: result.offStudy };
}

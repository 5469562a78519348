// A coordinator's home: per trial, their centre's assessments due this month and overdue, the next pump
// visit of each participant on treatment when it is due this month or overdue, and the records still to
// enter after an inclusion (surgery with pump placement; cycle 1 is the first pump visit above). Every item
// carries its days overdue (calendar days after the last day it was on time) and overdue lists come most
// overdue first. Nothing is asked for a participant who died, withdrew or was lost to follow-up, nor due
// after the end of follow-up (domain inFollowUp). Treatment is taken to end at a stop, after the last
// planned cycle, off study, or at the first recurrence (adjuvant treatment is not continued after it).
// Overdue safety reports come first: an initial SAE report past its 24 hours (a recorded death nobody
// reported included) and a SUSAR report past its 7 or 15 days, each with its started hours overdue.
import {
  HOUR_MS,
  byMostOverdue,
  daysOverdue,
  endOfMonth,
  inFollowUp,
  nextCycle,
  surgeryDueBy,
} from '@trialdesk/domain';
import {
  listTrials,
  openSlotsUntil,
  participantsAwaitingSurgery,
  participantsOnTreatment,
  participantsWithRecurrence,
  type Db,
  type TrialRecord,
} from '@trialdesk/db';
import { z } from 'zod';
import { nowIso, today } from '../../context.js';
import { saeListing } from '../../use-cases/safety/list-saes.js';
import type { UseCaseDeps } from '../../use-cases/deps.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { centreCodeInput } from '../participants/schemas.js';
import { trialIdSchema } from '../../access/load-trial.js';
import { worklistOutput } from './outputs.js';
import { entryProcedure } from './procedure.js';

async function dueCycles(db: Db, trial: TrialRecord, centre: string | null, asOf: string) {
  const plan = trial.definition.treatment;
  if (!plan) return [];
  const recurred = await participantsWithRecurrence(db, trial.definition.id);
  const out = [];
  for (const p of await participantsOnTreatment(db, trial.definition.id, centre, plan.cycleCount)) {
    if (recurred.has(p.studyId)) continue;
    const next = nextCycle(plan, p.pumpDate, p.cycles, asOf);
    if (!next || next.state === 'later') continue;
    if (!inFollowUp({ offStudyDate: null, followUpEnd: p.followUpEnd }, next.plannedDate)) continue;
    out.push({
      studyId: p.studyId,
      centre: p.centre,
      cycle: next.cycle,
      plannedDate: next.plannedDate,
      dueBy: next.dueBy,
      state: next.state,
      daysOverdue: daysOverdue(next.dueBy, asOf),
    });
  }
  return out;
}

type Reader = Pick<UseCaseDeps, 'db' | 'actor' | 'lang' | 'clock'>;

/** The SAE and SUSAR reports of the centre whose clock ran out and that are still not made. */
export async function overdueSaeReports(deps: Reader, trial: TrialRecord, centre: string | null) {
  const now = Date.parse(nowIso(deps));
  const saes = await saeListing(deps, deps.db, trial.definition, { centre, participantId: null });
  const out = [];
  for (const s of saes) {
    if (s.eventVoided) continue;
    const clocks = [['initial', s.clocks.initial] as const, ['susar', s.clocks.susar] as const];
    for (const [report, clock] of clocks) {
      if (clock?.state !== 'overdue') continue;
      out.push({
        studyId: s.studyId,
        centre: s.centre,
        saeId: s.id,
        eventId: s.eventId,
        eventType: s.eventType,
        eventTerm: s.eventTerm,
        report,
        dueAt: clock.dueAt,
        // Every started hour counts against the site: 1 ms past due is 1 hour overdue.
        hoursOverdue: Math.ceil((now - Date.parse(clock.dueAt)) / HOUR_MS),
      });
    }
  }
  return out.sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.studyId.localeCompare(b.studyId));
}

async function trialWorklist(deps: Reader, db: Db, trial: TrialRecord, centre: string | null, asOf: string) {
  const def = trial.definition;
  const slots = (await openSlotsUntil(db, def.id, centre, endOfMonth(asOf)))
    .filter((s) => inFollowUp(s, s.dueDate))
    .map((s) => ({
      studyId: s.studyId,
      centre: s.centre,
      month: s.month,
      dueDate: s.dueDate,
      windowStart: s.windowStart,
      windowEnd: s.windowEnd,
      dueBy: s.windowEnd,
      daysOverdue: daysOverdue(s.windowEnd, asOf),
    }));
  const cycles = await dueCycles(db, trial, centre, asOf);
  const records = (await participantsAwaitingSurgery(db, def.id, centre)).map((p) => {
    const dueBy = surgeryDueBy(def, p.inclusionDate);
    return {
      studyId: p.studyId,
      centre: p.centre,
      record: 'surgery' as const,
      since: p.inclusionDate,
      dueBy,
      daysOverdue: daysOverdue(dueBy, asOf),
    };
  });
  const byPlanned = (a: { plannedDate: string }, b: { plannedDate: string }) =>
    a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : 0;
  return {
    trialId: def.id,
    code: def.code,
    synthetic: trial.synthetic,
    assessments: {
      overdue: slots.filter((s) => s.windowEnd < asOf).sort(byMostOverdue),
      dueThisMonth: slots.filter((s) => s.windowEnd >= asOf),
    },
    cycles: {
      overdue: cycles.filter((c) => c.state === 'overdue').sort(byMostOverdue),
      dueThisMonth: cycles.filter((c) => c.state === 'due_this_month').sort(byPlanned),
    },
    records: records.sort(byMostOverdue),
    saeReports: await overdueSaeReports(deps, trial, centre),
  };
}

export const worklistProcedure = entryProcedure('participant:read')
  .input(z.strictObject({ trialId: trialIdSchema.optional(), centre: centreCodeInput.nullish() }))
  .output(worklistOutput)
  .query(async ({ ctx, input }) => {
    const centre = scopedCentre(ctx.user, 'participant:read', input.centre);
    const asOf = today(ctx);
    const trials = input.trialId ? [await loadTrial(ctx, input.trialId)] : await listTrials(ctx.db);
    return {
      asOf,
      monthEnd: endOfMonth(asOf),
      centre,
      trials: await Promise.all(trials.map((t) => trialWorklist(ctx.deps, ctx.db, t, centre, asOf))),
    };
  });

// A coordinator's home: per trial, their centre's assessments due this month and overdue, and the next
// pump visit of each participant on treatment when it is due this month or overdue. Treatment is taken
// to end at a stop, after the last planned cycle, off study, or at the first recurrence (adjuvant
// treatment is not continued after recurrence).
import { endOfMonth, nextCycle } from '@trialdesk/domain';
import {
  listTrials,
  openSlotsUntil,
  participantsOnTreatment,
  participantsWithRecurrence,
  type Db,
  type TrialRecord,
} from '@trialdesk/db';
import { z } from 'zod';
import { today } from '../../context.js';
import { scopedCentre } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { centreCodeInput } from '../participants/schemas.js';
import { trialIdSchema } from '../../access/load-trial.js';
import { worklistOutput } from './outputs.js';
import { entryProcedure } from './procedure.js';

async function trialWorklist(db: Db, trial: TrialRecord, centre: string | null, asOf: string) {
  const def = trial.definition;
  const slots = await openSlotsUntil(db, def.id, centre, endOfMonth(asOf));
  const cycles: {
    studyId: string;
    centre: string;
    cycle: number;
    plannedDate: string;
    dueBy: string;
    state: 'overdue' | 'due_this_month';
  }[] = [];
  if (def.treatment) {
    const recurred = await participantsWithRecurrence(db, def.id);
    for (const p of await participantsOnTreatment(db, def.id, centre, def.treatment.cycleCount)) {
      if (recurred.has(p.studyId)) continue;
      const next = nextCycle(def.treatment, p.pumpDate, p.cycles, asOf);
      if (next && next.state !== 'later')
        cycles.push({
          studyId: p.studyId,
          centre: p.centre,
          cycle: next.cycle,
          plannedDate: next.plannedDate,
          dueBy: next.dueBy,
          state: next.state,
        });
    }
  }
  cycles.sort((a, b) => (a.plannedDate < b.plannedDate ? -1 : a.plannedDate > b.plannedDate ? 1 : 0));
  return {
    trialId: def.id,
    code: def.code,
    synthetic: trial.synthetic,
    assessments: {
      overdue: slots.filter((s) => s.windowEnd < asOf),
      dueThisMonth: slots.filter((s) => s.windowEnd >= asOf),
    },
    cycles: {
      overdue: cycles.filter((c) => c.state === 'overdue'),
      dueThisMonth: cycles.filter((c) => c.state === 'due_this_month'),
    },
  };
}

export const worklistProcedure = entryProcedure('participant:read')
  .input(z.object({ trialId: trialIdSchema.optional(), centre: centreCodeInput.nullish() }))
  .output(worklistOutput)
  .query(async ({ ctx, input }) => {
    const centre = scopedCentre(ctx.user, 'participant:read', input.centre);
    const asOf = today(ctx);
    const trials = input.trialId ? [await loadTrial(ctx, input.trialId)] : await listTrials(ctx.db);
    return {
      asOf,
      monthEnd: endOfMonth(asOf),
      centre,
      trials: await Promise.all(trials.map((t) => trialWorklist(ctx.db, t, centre, asOf))),
    };
  });

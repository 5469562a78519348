// The scheduled sweep of the automatic queries: time alone can make a rule fire (a visit becomes overdue
// with no write at all), so every participant of every trial is checked again, one short transaction each.
// Running it twice, or on two instances at once, opens nothing twice: each transaction takes the write
// lock, and the rule's key is unique per participant.
import { currentParticipantIds, listTrials, writeTransaction, type Db } from '@trialdesk/db';
import { syncAutoQueries, type AutoQueryChanges } from './sync-auto-queries.js';
import type { SweepDeps } from '../system-actor.js';

export async function sweepAutoQueries(deps: SweepDeps & { db: Db }): Promise<AutoQueryChanges> {
  const total: AutoQueryChanges = { opened: 0, closed: 0, reopened: 0 };
  for (const trial of await listTrials(deps.db)) {
    for (const id of await currentParticipantIds(deps.db, trial.id)) {
      const c = await writeTransaction(deps.db, (trx) => syncAutoQueries(deps, trx, trial.definition, id));
      total.opened += c.opened;
      total.closed += c.closed;
      total.reopened += c.reopened;
    }
  }
  return total;
}

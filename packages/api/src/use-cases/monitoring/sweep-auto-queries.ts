// The scheduled sweep of the automatic queries: time alone can make a rule fire (a visit becomes overdue
// with no write at all), so every participant of every trial is checked again. Running it twice, or on two
// instances at once, opens nothing twice: each transaction takes the write lock, and the rule's key is
// unique per participant.
//
// The sweep runs at every start-up, and on a large trial (100 000 participants) it takes minutes. On SQLite
// every statement answers synchronously, so a sweep written as one chain of awaits never gives the event
// loop a turn: the server would answer nothing until it ended. It therefore works in batches, one short
// transaction each, and lets the event loop run waiting requests before every batch.
import {
  currentParticipantIds,
  listTrials,
  writeTransaction,
  yieldToEventLoop,
  type Db,
} from '@trialdesk/db';
import { syncAutoQueries, type AutoQueryChanges } from './sync-auto-queries.js';
import type { SweepDeps } from '../system-actor.js';

/** Participants per transaction: one commit per batch, and the write lock held for one batch only. */
export const SWEEP_BATCH_SIZE = 50;

export interface SweepOptions {
  batchSize?: number;
  /** Runs before every batch; by default it lets the event loop serve what is waiting. */
  pause?: () => Promise<void>;
}

export async function sweepAutoQueries(
  deps: SweepDeps & { db: Db },
  options: SweepOptions = {},
): Promise<AutoQueryChanges> {
  const size = Math.max(1, options.batchSize ?? SWEEP_BATCH_SIZE);
  const pause = options.pause ?? yieldToEventLoop;
  const total: AutoQueryChanges = { opened: 0, closed: 0, reopened: 0 };
  for (const trial of await listTrials(deps.db)) {
    const ids = await currentParticipantIds(deps.db, trial.id);
    for (let start = 0; start < ids.length; start += size) {
      await pause();
      const batch = ids.slice(start, start + size);
      // Counted once the batch has committed: a batch that fails adds nothing (it runs again next sweep).
      const changes = await writeTransaction(deps.db, async (trx) => {
        const sum: AutoQueryChanges = { opened: 0, closed: 0, reopened: 0 };
        for (const id of batch) {
          const c = await syncAutoQueries(deps, trx, trial.definition, id);
          sum.opened += c.opened;
          sum.closed += c.closed;
          sum.reopened += c.reopened;
        }
        return sum;
      });
      total.opened += changes.opened;
      total.closed += changes.closed;
      total.reopened += changes.reopened;
    }
  }
  return total;
}

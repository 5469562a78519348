// The locks of a trial for the participant page, the report and the data manager's list: the trial's own
// locks and those of participants the reader may see (a coordinator: their centre's), with what each covers
// in words.
import { centreScope, type Lang, type lockListInput } from '@trialdesk/domain';
import { listLocks, type DataLock, type Db } from '@trialdesk/db';
import type { z } from 'zod';
import { loadParticipant, type Asker } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { lockTargetLabel } from './lock-guard.js';

export interface LockView extends DataLock {
  /** What the lock covers, in the reader's language ('' for the whole trial). */
  targetLabel: string;
}

export async function listLocksFor(
  asker: Asker & { db: Db; lang: Lang },
  input: z.output<typeof lockListInput>,
): Promise<LockView[]> {
  const trial = await loadTrial(asker, input.trialId);
  const p =
    input.studyId === undefined
      ? undefined
      : await loadParticipant(asker, asker.db, 'participant:read', trial.id, input.studyId);
  const own = centreScope(asker.actor, 'participant:read');
  const locks = (
    await listLocks(asker.db, { trialId: trial.id, includeLifted: input.includeLifted ?? false })
  ).filter(
    (l) =>
      (l.scope === 'trial' || own === null || l.centre === own) &&
      (p === undefined || l.scope === 'trial' || l.participantId === p.id),
  );
  return Promise.all(
    locks.map(async (l) => ({ ...l, targetLabel: await lockTargetLabel(asker.db, asker.lang, l) })),
  );
}

// How a query is found for a user: by its id, then checked against the user's centre scope and trial. A
// query of another centre, or of a trial the user cannot open, gets exactly the answer of one that does not
// exist (NOT_FOUND, same key, same words), so its existence is never revealed.
import { canAccessCentre, type Permission } from '@trialdesk/domain';
import { findQueryById, type Db, type QueryRecord, type TrialRecord } from '@trialdesk/db';
import { loadTrial } from '../../access/load-trial.js';
import { queryMissing } from '../../access/query-missing.js';
import type { UseCaseDeps } from '../deps.js';

export { queryMissing };

/** The query, read with `db` (the write transaction for a change), if this user may act on it. */
export async function loadQueryFor(
  deps: UseCaseDeps,
  db: Db,
  queryId: number,
  permission: Permission,
): Promise<{ query: QueryRecord; trial: TrialRecord }> {
  const query = await findQueryById(db, queryId);
  if (
    !query ||
    !canAccessCentre(deps.actor, permission, query.centre) ||
    !canAccessCentre(deps.actor, 'participant:read', query.centre)
  )
    throw queryMissing(deps.lang, queryId);
  const trial = await loadTrial({ db, lang: deps.lang }, query.trialId).catch(() => {
    throw queryMissing(deps.lang, queryId);
  });
  return { query, trial };
}

// Shared by the monitoring tests: demo records by their natural keys (ARTERY-2 and PUMP-III, synthetic).
import type { Harness } from './harness.js';
import { participantRow } from './entry-helpers.js';

export async function cycleIdOf(h: Harness, trialId: string, studyId: string, cycle: number) {
  const p = await participantRow(h, trialId, studyId);
  const c = await h.open.db
    .selectFrom('treatment_cycles')
    .select('id')
    .where('participant_id', '=', p.id)
    .where('cycle', '=', cycle)
    .where('voided_at', 'is', null)
    .executeTakeFirstOrThrow();
  return c.id;
}

export async function queryRows(h: Harness, studyId: string) {
  return h.open.db
    .selectFrom('queries')
    .innerJoin('participants', 'participants.id', 'queries.participant_id')
    .selectAll('queries')
    .where('participants.study_id', '=', studyId)
    .orderBy('queries.id')
    .execute();
}

export async function stepsOf(h: Harness, queryId: number) {
  return h.open.db
    .selectFrom('query_steps')
    .selectAll()
    .where('query_id', '=', queryId)
    .orderBy('id')
    .execute();
}

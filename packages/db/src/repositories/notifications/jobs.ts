// Runs of scheduled jobs. A run is keyed by its job and period (the weekly digest of 2026-W48): inserting
// the key is the claim, and the work is done in the same transaction, so of several instances (or a restart
// within the period) exactly one does it. Under PostgreSQL a concurrent insert of the same key waits for the
// first transaction and then finds the key taken; SQLite has one writer at a time.
import type { Db } from '../../database.js';

/** True when this caller claimed the run (the key was free). Call inside the job's transaction. */
export async function claimJobRun(
  db: Db,
  run: { job: string; runKey: string; startedAt: string; instance: string },
): Promise<boolean> {
  const row = await db
    .insertInto('job_runs')
    .values({ job: run.job, run_key: run.runKey, started_at: run.startedAt, instance: run.instance })
    .onConflict((oc) => oc.columns(['job', 'run_key']).doNothing())
    .returning('job')
    .executeTakeFirst();
  return row !== undefined;
}

export async function setJobRunResult(db: Db, job: string, runKey: string, result: string): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ result })
    .where('job', '=', job)
    .where('run_key', '=', runKey)
    .execute();
}

export async function listJobRuns(db: Db, job: string) {
  const rows = await db
    .selectFrom('job_runs')
    .selectAll()
    .where('job', '=', job)
    .orderBy('run_key')
    .execute();
  return rows.map((r) => ({
    job: r.job,
    runKey: r.run_key,
    startedAt: r.started_at,
    instance: r.instance,
    result: r.result,
  }));
}

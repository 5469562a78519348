// "An SAE or SUSAR report is coming due": every running report clock of every trial, read at the tick, tells
// each PI of the trial and the reporting centre's coordinators (who send the report) once when it is coming
// due and once when it is overdue (thresholds in domain/sae/due-notices.ts), in the app and by mail (a kind
// nobody can switch off). The running clocks are a SUSAR not yet reported to the authorities (7 or 15 days)
// and a recorded death without an SAE report (24 hours from when it was entered); a reported SAE's initial
// clock stopped when the report arrived. Each (clock, threshold) is claimed in job_runs inside the same
// transaction that writes the notices (on PostgreSQL that transaction also holds the write lock), so however
// many instances tick, and however often, each threshold notifies once; the dedupe key guards each recipient
// a second time.
import {
  claimJobRun,
  listSaes,
  listTrials,
  setJobRunResult,
  unreportedDeaths,
  writeTransaction,
  type Db,
} from '@trialdesk/db';
import {
  INITIAL_REPORT_MS,
  dueThreshold,
  reportClock,
  saeClocks,
  type DueReport,
  type ReportClock,
} from '@trialdesk/domain';
import { notify, recipientsInTrial } from '../use-cases/notifications/notify.js';
import type { JobDeps } from './overdue-digest.js';

export const SAE_DUE_JOB = 'sae.due';

interface RunningClock {
  /** Names the clock across runs: the SAE's SUSAR report, or a death's initial report. */
  key: string;
  report: DueReport;
  clock: ReportClock;
  studyId: string;
  centre: string;
}

export interface SaeDueRun {
  /** Thresholds this run claimed (each notifies once, here). */
  claimed: number;
  notified: number;
  mailed: number;
}

async function runningClocks(trx: Db, trialId: string, now: Date): Promise<RunningClock[]> {
  const clocks: RunningClock[] = [];
  for (const s of await listSaes(trx, { trialId, centre: null, participantId: null })) {
    if (s.eventVoided || !s.susar || s.susarReportedAt !== null) continue;
    const { susar } = saeClocks(
      {
        awareAt: s.awareAt,
        initialReportedAt: s.reportedAt,
        susar: true,
        criteria: s.criteria,
        susarReportedAt: null,
      },
      now,
    );
    if (susar)
      clocks.push({
        key: `sae:${s.id}:susar`,
        report: 'susar',
        clock: susar,
        studyId: s.studyId,
        centre: s.centre,
      });
  }
  for (const d of await unreportedDeaths(trx, { trialId })) {
    clocks.push({
      key: `death:${d.eventId}:initial`,
      report: 'initial',
      clock: reportClock(d.recordedAt, INITIAL_REPORT_MS, null, now),
      studyId: d.studyId,
      centre: d.centre,
    });
  }
  return clocks;
}

export async function runSaeDueNotices(deps: JobDeps): Promise<SaeDueRun> {
  const now = deps.clock();
  return writeTransaction(deps.db, async (trx) => {
    const run: SaeDueRun = { claimed: 0, notified: 0, mailed: 0 };
    for (const trial of await listTrials(trx)) {
      for (const c of await runningClocks(trx, trial.id, now)) {
        const threshold = dueThreshold(c.clock, c.report);
        if (threshold === null) continue;
        const runKey = `${trial.id}:${c.key}:${threshold}`;
        const claimed = await claimJobRun(trx, {
          job: SAE_DUE_JOB,
          runKey,
          startedAt: now.toISOString(),
          instance: deps.instance,
        });
        if (!claimed) continue;
        const result = await notify(trx, deps, {
          kind: 'sae.due',
          trialId: trial.id,
          recipients: [
            ...(await recipientsInTrial(trx, trial.id, 'pi')),
            ...(await recipientsInTrial(trx, trial.id, 'coordinator', c.centre)),
          ],
          params: {
            trial: trial.code,
            studyId: c.studyId,
            report: c.report,
            due: c.clock.dueAt,
            overdue: threshold === 'overdue',
          },
          link: `/trials/${trial.id}/participants/${c.studyId}`,
          dedupeKey: `sae.due:${runKey}`,
        });
        await setJobRunResult(trx, SAE_DUE_JOB, runKey, JSON.stringify(result));
        run.claimed += 1;
        run.notified += result.notified;
        run.mailed += result.mailed;
      }
    }
    return run;
  });
}

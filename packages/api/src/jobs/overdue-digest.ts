// The weekly digest of overdue visits, per trial and centre, to that centre's coordinators. "Overdue" is the
// worklist's rule (routers/entry/worklist.ts): a scheduled follow-up assessment whose window ended before
// today (Amsterdam), of a participant still in follow-up on its due date. The run is claimed by its week in
// job_runs inside the same transaction that writes the notifications and outbox mails, so however many
// instances tick, a week's digest is written once; the dedupe key guards each recipient a second time.
import {
  claimJobRun,
  listTrials,
  openSlotsUntil,
  setJobRunResult,
  writeTransaction,
  type Db,
} from '@trialdesk/db';
import { daysOverdue, dateInZone, dueDigestWeek, inFollowUp, type OverdueVisit } from '@trialdesk/domain';
import { notify, recipientsInTrial } from '../use-cases/notifications/notify.js';

export const DIGEST_JOB = 'digest.overdue_visits';

export interface JobDeps {
  db: Db;
  clock: () => Date;
  /** Names the instance in job_runs, for the administrator reading which instance ran what. */
  instance: string;
}

export interface DigestRun {
  /** The week's Monday, or null when no digest is due yet this week. */
  week: string | null;
  /** False when another instance (or an earlier tick) already ran this week's digest. */
  ran: boolean;
  notified: number;
  mailed: number;
}

export async function runOverdueDigest(deps: JobDeps): Promise<DigestRun> {
  const now = deps.clock();
  const week = dueDigestWeek(now);
  if (!week) return { week, ran: false, notified: 0, mailed: 0 };
  const asOf = dateInZone(now);
  return writeTransaction(deps.db, async (trx) => {
    const claimed = await claimJobRun(trx, {
      job: DIGEST_JOB,
      runKey: week,
      startedAt: now.toISOString(),
      instance: deps.instance,
    });
    if (!claimed) return { week, ran: false, notified: 0, mailed: 0 };
    let notified = 0;
    let mailed = 0;
    for (const trial of await listTrials(trx)) {
      const slots = (await openSlotsUntil(trx, trial.id, null, asOf)).filter(
        (s) => inFollowUp(s, s.dueDate) && daysOverdue(s.windowEnd, asOf) > 0,
      );
      for (const centre of trial.definition.centres) {
        const visits: OverdueVisit[] = slots
          .filter((s) => s.centre === centre.code)
          .map((s) => ({ studyId: s.studyId, month: s.month, due: s.windowEnd }));
        if (visits.length === 0) continue;
        const result = await notify(trx, deps, {
          kind: 'digest.overdue_visits',
          trialId: trial.id,
          recipients: await recipientsInTrial(trx, trial.id, 'coordinator', centre.code),
          params: { trial: trial.code, centre: centre.name, visits },
          link: `/trials/${trial.id}/worklist`,
          dedupeKey: `digest:${trial.id}:${centre.code}:${week}`,
        });
        notified += result.notified;
        mailed += result.mailed;
      }
    }
    await setJobRunResult(trx, DIGEST_JOB, week, JSON.stringify({ notified, mailed }));
    return { week, ran: true, notified, mailed };
  });
}

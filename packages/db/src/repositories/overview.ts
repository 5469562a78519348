// Aggregates for the overview, computed in SQL so that no endpoint ships raw rows for the browser to
// count. Date comparisons are on ISO text and month buckets use SUBSTR, both portable to PostgreSQL.
import { followUpYearCutoffs, type IsoDate, type TrialDefinition } from '@trialdesk/domain';
import { sql } from 'kysely';
import type { Db } from '../database.js';

export async function centreInclusionStats(db: Db, trialId: string) {
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [
      'centre',
      eb.fn.countAll<number>().as('included'),
      eb.fn.min('inclusion_date').as('first'),
      eb.fn.max('inclusion_date').as('last'),
    ])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .groupBy('centre')
    .execute();
  return rows.map((r) => ({ centre: r.centre, included: Number(r.included), first: r.first, last: r.last }));
}

export async function monthlyInclusions(db: Db, trialId: string) {
  const month = sql<string>`SUBSTR(inclusion_date, 1, 7)`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [month.as('month'), 'centre', eb.fn.countAll<number>().as('count')])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .groupBy([month, 'centre'])
    .execute();
  return rows.map((r) => ({ month: r.month, centre: r.centre, count: Number(r.count) }));
}

export async function recentInclusionsByCentre(db: Db, trialId: string, since: IsoDate) {
  const rows = await db
    .selectFrom('participants')
    .select((eb) => ['centre', eb.fn.countAll<number>().as('n')])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .where('inclusion_date', '>=', since)
    .groupBy('centre')
    .execute();
  return new Map(rows.map((r) => [r.centre, Number(r.n)]));
}

export type FollowUpBucket =
  'not_started' | `year${number}` | 'completed' | 'died' | 'withdrawn' | 'lost_to_follow_up';

/**
 * Participants per centre by where they stand today: follow-up year 1…n, completed, or off study early
 * (died, withdrawn, lost) — off study counts only when it happened before the end of follow-up.
 */
export async function followUpBuckets(db: Db, def: TrialDefinition, today: IsoDate) {
  const cutoffs = followUpYearCutoffs(today, def.followUpMonths);
  const offEarly = sql`off_study_date IS NOT NULL AND off_study_date <= ${today} AND (follow_up_end IS NULL OR off_study_date < follow_up_end)`;
  const years = cutoffs.map((c, i) => sql`WHEN time_zero > ${c} THEN ${`year${i + 1}`}`);
  const bucket = sql<FollowUpBucket>`CASE WHEN ${offEarly} THEN off_study_reason WHEN time_zero IS NULL OR time_zero > ${today} THEN 'not_started' ${sql.join(years, sql` `)} ELSE 'completed' END`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => ['centre', bucket.as('bucket'), eb.fn.countAll<number>().as('n')])
    .where('trial_id', '=', def.id)
    .where('voided_at', 'is', null)
    .groupBy(['centre', bucket])
    .execute();
  return rows.map((r) => ({ centre: r.centre, bucket: r.bucket, count: Number(r.n) }));
}

export type SlotState = 'done' | 'done_late' | 'missed' | 'due' | 'overdue' | 'upcoming' | 'not_applicable';

/** Assessment slots per centre by state today (the same rule as the domain's assessmentState). */
export async function assessmentStateCounts(db: Db, trialId: string, today: IsoDate) {
  const state = sql<SlotState>`CASE
    WHEN status = 'scheduled' AND window_end < ${today} THEN 'overdue'
    WHEN status = 'scheduled' AND window_start <= ${today} THEN 'due'
    WHEN status = 'scheduled' THEN 'upcoming'
    WHEN status = 'done' AND late = 1 THEN 'done_late'
    ELSE status END`;
  const rows = await db
    .selectFrom('assessment_slots')
    .select((eb) => ['centre', state.as('state'), eb.fn.countAll<number>().as('n')])
    .where('trial_id', '=', trialId)
    .where('status', '!=', 'cancelled')
    .groupBy(['centre', state])
    .execute();
  return rows.map((r) => ({ centre: r.centre, state: r.state, count: Number(r.n) }));
}

/**
 * When participants reach the end of follow-up, by month, for those not off study before it; plus the
 * latest such date (the last patient's last visit).
 */
export async function followUpEndsByMonth(db: Db, trialId: string) {
  const month = sql<string>`SUBSTR(follow_up_end, 1, 7)`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [
      month.as('month'),
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('follow_up_end').as('last'),
    ])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .where('follow_up_end', 'is not', null)
    .where((eb) =>
      eb.or([eb('off_study_date', 'is', null), eb('off_study_date', '>=', eb.ref('follow_up_end'))]),
    )
    .groupBy(month)
    .orderBy(month)
    .execute();
  return rows.map((r) => ({ month: r.month, count: Number(r.n), last: r.last }));
}

/** A page of the follow-up matrix: participants in study-ID order, each with all its slots. */
export async function followUpMatrixPage(
  db: Db,
  trialId: string,
  filter: { centre?: string | null },
  page: { offset: number; limit: number },
) {
  let q = db.selectFrom('participants').where('trial_id', '=', trialId).where('voided_at', 'is', null);
  if (filter.centre) q = q.where('centre', '=', filter.centre);
  const [{ total }] = (await q.select((eb) => eb.fn.countAll<number>().as('total')).execute()) as [
    { total: number },
  ];
  const participants = await q
    .select(['id', 'study_id', 'centre', 'time_zero', 'follow_up_end', 'off_study_date', 'off_study_reason'])
    .orderBy('study_id')
    .offset(page.offset)
    .limit(page.limit)
    .execute();
  const ids = participants.map((p) => p.id);
  const slots =
    ids.length === 0
      ? []
      : await db
          .selectFrom('assessment_slots')
          .select([
            'participant_id',
            'month',
            'due_date',
            'window_start',
            'window_end',
            'status',
            'performed_date',
            'late',
          ])
          .where('participant_id', 'in', ids)
          .orderBy('participant_id')
          .orderBy('month')
          .execute();
  return { total: Number(total), participants, slots };
}

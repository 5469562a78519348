// Aggregates for the overview, computed in SQL so that no endpoint ships raw rows for the browser to
// count. Date comparisons are on ISO text and month buckets use SUBSTR, both portable to PostgreSQL.
import {
  followUpYearCutoffs,
  type AssessmentState,
  type IsoDate,
  type TrialDefinition,
} from '@trialdesk/domain';
import { sql, type SqlBool } from 'kysely';
import type { Db } from '../database.js';
import { offStudyOf } from './participants/records.js';

/**
 * Every aggregate below takes an optional list of centres: the overview recomputes only the centres that
 * a write touched (see changedCentresSince) and keeps the others' figures. Undefined means all centres.
 */
export type CentreFilter = readonly string[] | undefined;

export async function centreInclusionStats(db: Db, trialId: string, centres?: CentreFilter) {
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
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    .groupBy('centre')
    .execute();
  return rows.map((r) => ({ centre: r.centre, included: Number(r.included), first: r.first, last: r.last }));
}

export async function monthlyInclusions(db: Db, trialId: string, centres?: CentreFilter) {
  const month = sql<string>`SUBSTR(inclusion_date, 1, 7)`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [month.as('month'), 'centre', eb.fn.countAll<number>().as('count')])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    // Centre first: the covering index's order (migration 018), so no temporary B-tree for the groups.
    .groupBy(['centre', month])
    .execute();
  return rows.map((r) => ({ month: r.month, centre: r.centre, count: Number(r.count) }));
}

export async function recentInclusionsByCentre(
  db: Db,
  trialId: string,
  since: IsoDate,
  centres?: CentreFilter,
) {
  const rows = await db
    .selectFrom('participants')
    .select((eb) => ['centre', eb.fn.countAll<number>().as('n')])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .where('inclusion_date', '>=', since)
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    .groupBy('centre')
    .execute();
  return new Map(rows.map((r) => [r.centre, Number(r.n)]));
}

export type FollowUpBucket =
  'not_started' | `year${number}` | 'completed' | 'died' | 'withdrawn' | 'lost_to_follow_up';

/**
 * Participants per centre by where they stand today: follow-up year 1…n, completed, or off study early
 * (died, withdrawn, lost) — off study counts only when it happened before the end of follow-up. One row
 * per centre with a conditional sum per bucket, so SQLite groups in index order.
 */
export async function followUpBuckets(db: Db, def: TrialDefinition, today: IsoDate, centres?: CentreFilter) {
  const cutoffs = followUpYearCutoffs(today, def.followUpMonths);
  const offEarly = sql`off_study_date IS NOT NULL AND off_study_date <= ${today} AND (follow_up_end IS NULL OR off_study_date < follow_up_end)`;
  const notStarted = sql`time_zero IS NULL OR time_zero > ${today}`;
  const buckets: { name: FollowUpBucket; when: ReturnType<typeof sql> }[] = [
    ...(['died', 'withdrawn', 'lost_to_follow_up'] as const).map((r) => ({
      name: r,
      when: sql`${offEarly} AND off_study_reason = ${r}`,
    })),
    { name: 'not_started', when: sql`NOT (${offEarly}) AND (${notStarted})` },
    ...cutoffs.map((c, i) => ({
      name: `year${i + 1}` as FollowUpBucket,
      when: sql`NOT (${offEarly}) AND NOT (${notStarted}) AND time_zero <= ${i === 0 ? today : cutoffs[i - 1]} AND time_zero > ${c}`,
    })),
    {
      name: 'completed',
      when: sql`NOT (${offEarly}) AND NOT (${notStarted}) AND time_zero <= ${cutoffs.at(-1) ?? today}`,
    },
  ];
  const rows = await db
    .selectFrom('participants')
    .select([
      'centre',
      ...buckets.map((b, i) => sql<number>`SUM(CASE WHEN ${b.when} THEN 1 ELSE 0 END)`.as(`b${i}`)),
    ])
    .where('trial_id', '=', def.id)
    .where('voided_at', 'is', null)
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    .groupBy('centre')
    .execute();
  return rows.flatMap((r) => {
    const row = r as Record<string, unknown>;
    return buckets
      .map((b, i) => ({ centre: r.centre, bucket: b.name, count: Number(row[`b${i}`] ?? 0) }))
      .filter((x) => x.count > 0);
  });
}

/**
 * Assessment slots per centre by state today (the rule of the domain's assessmentState): an open slot is
 * overdue after its window, due inside it and upcoming before it. Grouped by the covering index's own
 * columns with conditional sums, then named here.
 */
export async function assessmentStateCounts(db: Db, trialId: string, today: IsoDate, centres?: CentreFilter) {
  const rows = await db
    .selectFrom('assessment_slots')
    .select((eb) => [
      'centre',
      'status',
      'late',
      eb.fn.countAll<number>().as('n'),
      sql<number>`SUM(CASE WHEN window_end < ${today} THEN 1 ELSE 0 END)`.as('ended'),
      sql<number>`SUM(CASE WHEN window_start <= ${today} THEN 1 ELSE 0 END)`.as('started'),
    ])
    .where('trial_id', '=', trialId)
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    .groupBy(['centre', 'status', 'late'])
    .execute();
  const out: { centre: string; state: AssessmentState; count: number }[] = [];
  for (const r of rows) {
    const n = Number(r.n);
    const ended = Number(r.ended);
    const started = Number(r.started);
    switch (r.status) {
      case 'cancelled':
        break;
      case 'scheduled':
        out.push({ centre: r.centre, state: 'overdue', count: ended });
        out.push({ centre: r.centre, state: 'due', count: started - ended });
        out.push({ centre: r.centre, state: 'upcoming', count: n - started });
        break;
      case 'done':
        out.push({ centre: r.centre, state: r.late === 1 ? 'done_late' : 'done', count: n });
        break;
      case 'missed':
      case 'not_applicable':
        out.push({ centre: r.centre, state: r.status, count: n });
        break;
    }
  }
  return out.filter((x) => x.count > 0);
}

/**
 * What a later day changes among the open (scheduled) slots, per centre, against an earlier one: how many
 * windows ended (window_end in [from, to): overdue on `to`, not on `from`) and how many started
 * (window_start in (from, to]). With these the first overview of a new day carries the day before's state
 * counts over (overview-parts.ts) instead of counting every slot again. Each is a range of an index: the
 * state index of 001 by window_end, the open-slot index of 019 by window_start; the status is written as a
 * literal, which the partial index needs.
 */
export async function openSlotDayShifts(db: Db, trialId: string, from: IsoDate, to: IsoDate) {
  const open = sql<SqlBool>`status = 'scheduled'`;
  const count = (column: 'window_end' | 'window_start') =>
    db
      .selectFrom('assessment_slots')
      .select((eb) => ['centre', eb.fn.countAll<number>().as('n')])
      .where('trial_id', '=', trialId)
      .where(open)
      .$call((q) =>
        column === 'window_end'
          ? q.where('window_end', '>=', from).where('window_end', '<', to)
          : q.where('window_start', '>', from).where('window_start', '<=', to),
      )
      .groupBy('centre')
      .execute();
  const [ended, started] = await Promise.all([count('window_end'), count('window_start')]);
  const out = new Map<string, { ended: number; started: number }>();
  const at = (centre: string) => {
    let shift = out.get(centre);
    if (!shift) out.set(centre, (shift = { ended: 0, started: 0 }));
    return shift;
  };
  for (const r of ended) at(r.centre).ended += Number(r.n);
  for (const r of started) at(r.centre).started += Number(r.n);
  return out;
}

/**
 * When participants reach the end of follow-up, by month and centre, for those not off study before it;
 * plus the latest such date (the last patient's last visit). Per centre so that one centre's rows can be
 * recomputed alone; the overview adds the centres up.
 */
export async function followUpEndsByMonth(db: Db, trialId: string, centres?: CentreFilter) {
  const month = sql<string>`SUBSTR(follow_up_end, 1, 7)`;
  const rows = await db
    .selectFrom('participants')
    .select((eb) => [
      month.as('month'),
      'centre',
      eb.fn.countAll<number>().as('n'),
      eb.fn.max('follow_up_end').as('last'),
    ])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .where('follow_up_end', 'is not', null)
    .where((eb) =>
      eb.or([eb('off_study_date', 'is', null), eb('off_study_date', '>=', eb.ref('follow_up_end'))]),
    )
    .$if(centres !== undefined, (q) => q.where('centre', 'in', centres!))
    .groupBy([month, 'centre'])
    .execute();
  return rows.map((r) => ({ month: r.month, centre: r.centre, count: Number(r.n), last: r.last }));
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
    .select(['id', 'study_id', 'centre', 'time_zero', 'off_study_date', 'off_study_reason'])
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
          ])
          .where('participant_id', 'in', ids)
          .orderBy('participant_id')
          .orderBy('month')
          .execute();
  return {
    total: Number(total),
    participants: participants.map((p) => ({
      id: p.id,
      studyId: p.study_id,
      centre: p.centre,
      timeZero: p.time_zero,
      offStudy: offStudyOf(p),
    })),
    slots: slots.map((s) => ({
      participantId: s.participant_id,
      month: s.month,
      dueDate: s.due_date,
      windowStart: s.window_start,
      windowEnd: s.window_end,
      status: s.status,
      performedDate: s.performed_date,
    })),
  };
}

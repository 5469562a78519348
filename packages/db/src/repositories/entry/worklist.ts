// A coordinator's worklist: open assessment slots whose window has opened by the end of this month
// (due now, or overdue), and participants still on pump treatment with their recorded cycles.
import type { IsoDate } from '@trialdesk/domain';
import type { Db } from '../../database.js';

export interface OpenSlot {
  studyId: string;
  centre: string;
  month: number;
  dueDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  /** The participant's exit, for the worklist's rule on who is still followed (domain inFollowUp). */
  offStudyDate: IsoDate | null;
  followUpEnd: IsoDate | null;
}

export async function openSlotsUntil(
  db: Db,
  trialId: string,
  centre: string | null,
  until: IsoDate,
): Promise<OpenSlot[]> {
  let q = db
    .selectFrom('assessment_slots as s')
    .innerJoin('participants as p', 'p.id', 's.participant_id')
    .select([
      'p.study_id',
      's.centre',
      's.month',
      's.due_date',
      's.window_start',
      's.window_end',
      'p.off_study_date',
      'p.follow_up_end',
    ])
    .where('s.trial_id', '=', trialId)
    .where('s.status', '=', 'scheduled')
    .where('s.window_start', '<=', until)
    .where('p.voided_at', 'is', null);
  if (centre) q = q.where('s.centre', '=', centre);
  const rows = await q.orderBy('s.window_end').orderBy('p.study_id').execute();
  return rows.map((r) => ({
    studyId: r.study_id,
    centre: r.centre,
    month: r.month,
    dueDate: r.due_date,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    offStudyDate: r.off_study_date,
    followUpEnd: r.follow_up_end,
  }));
}

/** Study IDs with a current recurrence: adjuvant treatment is not continued after one. */
export async function participantsWithRecurrence(db: Db, trialId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('participants as p', 'p.id', 'e.participant_id')
    .select('p.study_id')
    .where('e.trial_id', '=', trialId)
    .where('e.type', '=', 'recurrence')
    .where('e.voided_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.study_id));
}

/** Participants with a pump, not off study, and fewer current cycles than the plan has. */
export async function participantsOnTreatment(
  db: Db,
  trialId: string,
  centre: string | null,
  cycleCount: number,
) {
  let q = db
    .selectFrom('participants as p')
    .select(['p.id', 'p.study_id', 'p.centre', 'p.pump_date', 'p.follow_up_end'])
    .where('p.trial_id', '=', trialId)
    .where('p.voided_at', 'is', null)
    .where('p.pump_date', 'is not', null)
    .where('p.off_study_date', 'is', null)
    .where((eb) =>
      eb(
        eb
          .selectFrom('treatment_cycles as c')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('c.participant_id', '=', 'p.id')
          .where('c.voided_at', 'is', null),
        '<',
        cycleCount,
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('treatment_cycles as c')
            .select('c.id')
            .whereRef('c.participant_id', '=', 'p.id')
            .where('c.voided_at', 'is', null)
            .where('c.modification', '=', 'stopped'),
        ),
      ),
    );
  if (centre) q = q.where('p.centre', '=', centre);
  const participants = await q.orderBy('p.study_id').execute();
  // The cycles of the same participants, by a join rather than an IN list that could outgrow SQLite's limit.
  let cq = db
    .selectFrom('treatment_cycles as c')
    .innerJoin('participants as p', 'p.id', 'c.participant_id')
    .select(['c.participant_id', 'c.cycle', 'c.cycle_date'])
    .where('p.trial_id', '=', trialId)
    .where('p.voided_at', 'is', null)
    .where('p.pump_date', 'is not', null)
    .where('p.off_study_date', 'is', null)
    .where('c.voided_at', 'is', null);
  if (centre) cq = cq.where('p.centre', '=', centre);
  const cycles = await cq.execute();
  return participants.map((p) => ({
    studyId: p.study_id,
    centre: p.centre,
    pumpDate: p.pump_date as IsoDate,
    followUpEnd: p.follow_up_end,
    cycles: cycles
      .filter((c) => c.participant_id === p.id)
      .map((c) => ({ cycle: c.cycle, date: c.cycle_date })),
  }));
}

/** Included participants (not voided, not off study) whose surgery is not recorded yet. */
export async function participantsAwaitingSurgery(db: Db, trialId: string, centre: string | null) {
  let q = db
    .selectFrom('participants')
    .select(['study_id', 'centre', 'inclusion_date'])
    .where('trial_id', '=', trialId)
    .where('voided_at', 'is', null)
    .where('off_study_date', 'is', null)
    .where('surgery_date', 'is', null);
  if (centre) q = q.where('centre', '=', centre);
  const rows = await q.orderBy('study_id').execute();
  return rows.map((r) => ({ studyId: r.study_id, centre: r.centre, inclusionDate: r.inclusion_date }));
}

// Writes a generated cohort in one transaction, in chunks so that a 100 000-participant benchmark cohort
// loads in bounded memory and within SQLite's limit on bound parameters.
import {
  followUpEnd,
  isWithinWindow,
  scheduleAssessments,
  timeCycles,
  type CycleTiming,
  type TrialDefinition,
} from '@trialdesk/domain';
import type { Insertable } from 'kysely';
import type { Db } from '../database.js';
import type { Database } from '../schema.js';
import { participantRow } from '../repositories/participants/participants.js';
import type { Cohort, GeneratedParticipant } from './generate-cohort.js';
import { chunks } from '../repositories/in-chunks.js';

const CHUNK = 400;

/** Inserts many rows, splitting so that no statement binds more than ~30 000 parameters. */
async function insertMany<
  T extends 'assessment_slots' | 'assessments' | 'treatment_cycles' | 'events' | 'screenings',
>(trx: Db, table: T, rows: Insertable<Database[T]>[]) {
  const first = rows[0];
  if (first === undefined) return;
  const perRow = Object.keys(first).length;
  for (const part of chunks(rows, Math.max(1, Math.floor(30000 / perRow)))) {
    await trx.insertInto(table).values(part).execute();
  }
}

export async function insertCohort(
  trx: Db,
  def: TrialDefinition,
  cohort: Cohort,
  now: string,
): Promise<void> {
  const ids = new Map<string, number>();
  for (const part of chunks(cohort.participants, CHUNK)) {
    await trx
      .insertInto('participants')
      .values(
        part.map((p) =>
          participantRow(
            { ...p, trialId: def.id, synthetic: true, createdAt: now, createdBy: null },
            {
              ...p,
              pumpNotPlacedReason: null,
              followUpEnd: p.timeZero ? followUpEnd(p.timeZero, def.followUpMonths) : null,
            },
          ),
        ),
      )
      .execute();
    const rows = await trx
      .selectFrom('participants')
      .select(['id', 'study_id'])
      .where('trial_id', '=', def.id)
      .where(
        'study_id',
        'in',
        part.map((p) => p.studyId),
      )
      .execute();
    for (const r of rows) ids.set(r.study_id, r.id);
    await insertRecords(trx, def, part, ids, now);
  }

  const maxSeq = new Map<string, number>();
  for (const p of cohort.participants) maxSeq.set(p.centre, Math.max(maxSeq.get(p.centre) ?? 0, p.seq));
  for (const [centre, lastSeq] of maxSeq) {
    await trx
      .insertInto('study_id_counters')
      .values({ trial_id: def.id, centre, last_seq: lastSeq })
      .onConflict((oc) => oc.columns(['trial_id', 'centre']).doUpdateSet({ last_seq: lastSeq }))
      .execute();
  }
  const lastScreening = new Map<string, number>();
  for (const s of cohort.screenings) {
    const n = Number(/(\d+)$/.exec(s.number)?.[1] ?? 0);
    lastScreening.set(s.centre, Math.max(lastScreening.get(s.centre) ?? 0, n));
  }
  for (const [centre, lastSeq] of lastScreening) {
    await trx
      .insertInto('screening_counters')
      .values({ trial_id: def.id, centre, last_seq: lastSeq })
      .onConflict((oc) => oc.columns(['trial_id', 'centre']).doUpdateSet({ last_seq: lastSeq }))
      .execute();
  }
  await insertMany(
    trx,
    'screenings',
    cohort.screenings.map((s) => ({
      trial_id: def.id,
      centre: s.centre,
      screening_number: s.number,
      screening_date: s.date,
      outcome: s.outcome,
      failed_criteria: JSON.stringify(s.failedCriteria),
      reason: s.reason,
      participant_id: s.studyId ? (ids.get(s.studyId) ?? null) : null,
      created_at: now,
      created_by: null,
      voided_at: null,
      voided_by: null,
      void_reason: null,
    })),
  );
}

async function insertRecords(
  trx: Db,
  def: TrialDefinition,
  part: readonly GeneratedParticipant[],
  ids: ReadonlyMap<string, number>,
  now: string,
) {
  const voidable = { created_at: now, created_by: null, voided_at: null, voided_by: null, void_reason: null };
  const slots = part.flatMap((p) => {
    if (!p.timeZero) return [];
    const recorded = new Map(p.assessments.map((a) => [a.month, a]));
    return scheduleAssessments(def.schedule, p.timeZero).map((s) => {
      const a = recorded.get(s.month);
      const offBefore = p.offStudy !== null && s.dueDate > p.offStudy.date;
      return {
        trial_id: def.id,
        participant_id: ids.get(p.studyId)!,
        centre: p.centre,
        month: s.month,
        due_date: s.dueDate,
        window_start: s.windowStart,
        window_end: s.windowEnd,
        status: a ? a.status : offBefore ? ('not_applicable' as const) : ('scheduled' as const),
        performed_date: a?.performedDate ?? null,
        late: a?.performedDate && !isWithinWindow(s, a.performedDate) ? 1 : 0,
      };
    });
  });
  await insertMany(trx, 'assessment_slots', slots);
  const participantIds = part.map((p) => ids.get(p.studyId)!);
  const slotRows = participantIds.length
    ? await trx
        .selectFrom('assessment_slots')
        .select(['id', 'participant_id', 'month', 'window_start', 'window_end'])
        .where('participant_id', 'in', participantIds)
        .execute()
    : [];
  const slotOf = new Map(slotRows.map((s) => [`${s.participant_id}:${s.month}`, s]));
  await insertMany(
    trx,
    'assessments',
    part.flatMap((p) =>
      p.assessments.map((a) => {
        const pid = ids.get(p.studyId)!;
        const slot = slotOf.get(`${pid}:${a.month}`)!;
        return {
          trial_id: def.id,
          participant_id: pid,
          slot_id: slot.id,
          centre: p.centre,
          status: a.status,
          performed_date: a.performedDate,
          cea: a.cea,
          imaging_result: a.imaging,
          missed_reason: a.missedReason,
          out_of_window:
            a.performedDate &&
            !isWithinWindow({ windowStart: slot.window_start, windowEnd: slot.window_end }, a.performedDate)
              ? 1
              : 0,
          ...voidable,
        };
      }),
    ),
  );
  await insertMany(
    trx,
    'treatment_cycles',
    part.flatMap((p) => {
      // The window each visit was due in, stored with it as data entry stores it (cycle-timings.ts).
      const timings =
        def.treatment && p.pumpDate
          ? timeCycles(
              def.treatment,
              p.pumpDate,
              p.cycles.map((c) => ({ cycle: c.cycle, date: c.cycleDate, modification: c.modification })),
            )
          : new Map<number, CycleTiming>();
      return p.cycles.map((c) => {
        const t = timings.get(c.cycle);
        return {
          trial_id: def.id,
          participant_id: ids.get(p.studyId)!,
          centre: p.centre,
          cycle: c.cycle,
          cycle_date: c.cycleDate,
          empty_date: c.emptyDate,
          flow_rate_ml_day: c.flowRateMlDay,
          returned_volume_ml: c.returnedVolumeMl,
          dose_mg: c.doseMg,
          modification: c.modification,
          modification_reason: c.reason,
          planned_date: t?.plannedDate ?? null,
          window_start: t?.windowStart ?? null,
          window_end: t?.windowEnd ?? null,
          out_of_window: t?.outOfWindow ? 1 : 0,
          ...voidable,
        };
      });
    }),
  );
  await insertMany(
    trx,
    'events',
    part.flatMap((p) =>
      p.events.map((e) => ({
        trial_id: def.id,
        participant_id: ids.get(p.studyId)!,
        centre: p.centre,
        type: e.type,
        event_date: e.date,
        recurrence_site: e.recurrenceSite ?? null,
        death_cause: e.deathCause ?? null,
        complication_term: e.complication?.term ?? null,
        complication_category: e.complication?.category ?? null,
        grade_scale: e.complication?.scale ?? null,
        grade: e.complication?.grade ?? null,
        haip_related: e.complication ? (e.complication.haipRelated ? 1 : 0) : null,
        resolution_date: e.complication?.resolutionDate ?? null,
        reason: e.reason ?? null,
        ...voidable,
      })),
    ),
  );
}

// The participant-level dataset as it stands at an as-of date: non-voided records dated on or before it.
// The committee views run on this for live data, and a data cut freezes exactly this. Dates after the
// as-of date are hidden (a surgery after it means no time zero yet; an off-study date after it means
// still on study), so a cut at an earlier date shows the trial as it was known on that date, given
// today's corrections.
import {
  eligibilityRecordSchema,
  type DatasetDeviation,
  type DatasetParticipant,
  type DatasetSae,
  type IsoDate,
  type TrialDataset,
} from '@trialdesk/domain';
import type { Db } from '../../database.js';
import { listDeviations } from '../safety/deviations.js';
import { listSaes, unreportedDeaths } from '../safety/saes.js';

/** The eligibility form (stored as JSON), and its measured values by criterion id. */
function eligibilityOf(eligibility: string) {
  const parsed = eligibilityRecordSchema.safeParse(JSON.parse(eligibility));
  if (!parsed.success) return { baseline: {} };
  const baseline = Object.fromEntries(Object.entries(parsed.data.measures).map(([id, m]) => [id, m.value]));
  return { baseline, eligibility: parsed.data };
}

const upTo = (d: IsoDate | null, asOf: IsoDate) => (d !== null && d <= asOf ? d : null);

function groupBy<T extends { participant_id: number }>(rows: readonly T[]): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const r of rows) {
    const list = m.get(r.participant_id) ?? [];
    list.push(r);
    m.set(r.participant_id, list);
  }
  return m;
}

export async function loadTrialDataset(
  db: Db,
  trial: { id: string; synthetic: boolean },
  asOf: IsoDate,
): Promise<TrialDataset> {
  const live = db
    .selectFrom('participants')
    .select('id')
    .where('trial_id', '=', trial.id)
    .where('voided_at', 'is', null)
    .where('inclusion_date', '<=', asOf);
  const [participants, slots, assessments, cycles, events, screenings] = await Promise.all([
    db
      .selectFrom('participants')
      .selectAll()
      .where('trial_id', '=', trial.id)
      .where('voided_at', 'is', null)
      .where('inclusion_date', '<=', asOf)
      .orderBy('study_id')
      .execute(),
    db
      .selectFrom('assessment_slots')
      .select(['participant_id', 'month', 'due_date', 'window_start', 'window_end'])
      .where('participant_id', 'in', live)
      .where('status', '!=', 'cancelled')
      .orderBy('participant_id')
      .orderBy('month')
      .execute(),
    db
      .selectFrom('assessments as a')
      .innerJoin('assessment_slots as s', 's.id', 'a.slot_id')
      .select([
        'a.id',
        'a.participant_id',
        's.month',
        'a.status',
        'a.performed_date',
        'a.cea',
        'a.imaging_result',
        'a.missed_reason',
        'a.out_of_window',
      ])
      .where('a.participant_id', 'in', live)
      .where('a.voided_at', 'is', null)
      // A done assessment is dated by its performance; a missed one by the end of its window.
      .where((eb) =>
        eb.or([
          eb.and([eb('a.status', '=', 'done'), eb('a.performed_date', '<=', asOf)]),
          eb.and([eb('a.status', '=', 'missed'), eb('s.window_end', '<=', asOf)]),
        ]),
      )
      .orderBy('a.participant_id')
      .orderBy('s.month')
      .execute(),
    db
      .selectFrom('treatment_cycles')
      .selectAll()
      .where('participant_id', 'in', live)
      .where('voided_at', 'is', null)
      .where('cycle_date', '<=', asOf)
      .orderBy('participant_id')
      .orderBy('cycle')
      .execute(),
    db
      .selectFrom('events')
      .selectAll()
      .where('participant_id', 'in', live)
      .where('voided_at', 'is', null)
      .where('event_date', '<=', asOf)
      .orderBy('participant_id')
      .orderBy('event_date')
      .orderBy('id')
      .execute(),
    db
      .selectFrom('screenings as s')
      .leftJoin('participants as p', 'p.id', 's.participant_id')
      .select([
        's.id',
        's.centre',
        's.screening_number',
        's.screening_date',
        's.outcome',
        's.failed_criteria',
        's.reason',
        'p.study_id',
      ])
      .where('s.trial_id', '=', trial.id)
      .where('s.voided_at', 'is', null)
      .where('s.screening_date', '<=', asOf)
      .orderBy('s.screening_date')
      .orderBy('s.screening_number')
      .execute(),
  ]);
  const inDataset = new Set(events.map((e) => Number(e.id)));
  const studyIds = new Set(participants.map((p) => p.study_id));
  const safety = await safetyAsOf(db, trial.id, asOf, inDataset, studyIds);
  const slotsOf = groupBy(slots);
  const assessmentsOf = groupBy(assessments);
  const cyclesOf = groupBy(cycles);
  const eventsOf = groupBy(events);
  return {
    format: 1,
    trialId: trial.id,
    asOf,
    synthetic: trial.synthetic,
    participants: participants.map((p): DatasetParticipant => ({
      id: p.id,
      studyId: p.study_id,
      centre: p.centre,
      inclusionDate: p.inclusion_date,
      consentDate: p.consent_date,
      ageAtInclusion: p.age_at_inclusion,
      sex: p.sex,
      surgeryDate: upTo(p.surgery_date, asOf),
      pumpDate: upTo(p.pump_date, asOf),
      pumpNotPlacedReason: p.pump_not_placed_reason,
      ...eligibilityOf(p.eligibility),
      timeZero: upTo(p.time_zero, asOf),
      followUpEnd: upTo(p.time_zero, asOf) === null ? null : p.follow_up_end,
      offStudy:
        p.off_study_date !== null && p.off_study_reason !== null && p.off_study_date <= asOf
          ? { date: p.off_study_date, reason: p.off_study_reason }
          : null,
      slots: (slotsOf.get(p.id) ?? []).map((s) => ({
        month: s.month,
        dueDate: s.due_date,
        windowStart: s.window_start,
        windowEnd: s.window_end,
      })),
      assessments: (assessmentsOf.get(p.id) ?? []).map((a) => ({
        id: a.id,
        month: a.month,
        status: a.status,
        performedDate: a.performed_date,
        cea: a.cea,
        imaging: a.imaging_result,
        missedReason: a.missed_reason,
        outOfWindow: a.out_of_window === 1,
      })),
      cycles: (cyclesOf.get(p.id) ?? []).map((c) => ({
        id: c.id,
        cycle: c.cycle,
        date: c.cycle_date,
        emptyDate: upTo(c.empty_date, asOf),
        flowRateMlDay: c.flow_rate_ml_day,
        returnedVolumeMl: c.returned_volume_ml,
        doseMg: c.dose_mg,
        modification: c.modification,
        reason: c.modification_reason,
        outOfWindow: c.out_of_window === 1,
      })),
      events: (eventsOf.get(p.id) ?? []).map((e) => ({
        id: e.id,
        type: e.type,
        date: e.event_date,
        recurrenceSite: e.recurrence_site,
        deathCause: e.death_cause,
        complication:
          e.type === 'complication' &&
          e.complication_category !== null &&
          e.grade_scale !== null &&
          e.grade !== null
            ? {
                term: e.complication_term ?? '',
                category: e.complication_category,
                scale: e.grade_scale,
                grade: e.grade,
                haipRelated: e.haip_related === null ? null : e.haip_related === 1,
                resolutionDate: upTo(e.resolution_date, asOf),
              }
            : null,
        reason: e.reason,
      })),
    })),
    saes: safety.saes,
    deviations: safety.deviations,
    screenings: screenings.map((s) => ({
      id: s.id,
      centre: s.centre,
      number: s.screening_number,
      date: s.screening_date,
      outcome: s.outcome,
      failedCriteria: parseCriteria(s.failed_criteria),
      reason: s.reason,
      studyId: s.study_id ?? null,
    })),
  };
}

/**
 * SAEs whose event is in the dataset (so not voided and dated on or before the as-of date), with recorded
 * deaths nobody reported yet; and deviations dated on or before it, of the dataset's participants or of a
 * centre as a whole. Per participant and chronologically (awareness), as the listing shows them.
 */
async function safetyAsOf(
  db: Db,
  trialId: string,
  asOf: IsoDate,
  events: ReadonlySet<number>,
  studyIds: ReadonlySet<string>,
): Promise<{ saes: DatasetSae[]; deviations: DatasetDeviation[] }> {
  const [reported, deaths, deviations] = await Promise.all([
    listSaes(db, { trialId }),
    unreportedDeaths(db, { trialId }),
    listDeviations(db, { trialId }),
  ]);
  const saes: DatasetSae[] = [
    ...reported
      .filter((s) => events.has(s.eventId))
      .map((s) => ({
        id: s.id,
        studyId: s.studyId,
        centre: s.centre,
        eventId: s.eventId,
        eventType: s.eventType,
        eventDate: s.eventDate,
        term: s.eventTerm,
        criteria: s.criteria,
        assessments: s.assessments.map((a) => ({
          intervention: a.intervention,
          causality: a.causality,
          expected: a.expected,
        })),
        susar: s.susar,
        awareAt: s.awareAt,
        reportedAt: s.reportedAt,
        susarReportedAt: s.susarReportedAt,
        reviewed: s.reviewedAt !== null,
      })),
    ...deaths
      .filter((d) => events.has(d.eventId))
      .map((d) => ({
        id: null,
        studyId: d.studyId,
        centre: d.centre,
        eventId: d.eventId,
        eventType: 'death' as const,
        eventDate: d.date,
        term: d.cause,
        criteria: ['death' as const],
        assessments: [],
        susar: false,
        awareAt: d.recordedAt,
        reportedAt: null,
        susarReportedAt: null,
        reviewed: false,
      })),
  ].sort(
    (a, b) =>
      (a.studyId < b.studyId ? -1 : a.studyId > b.studyId ? 1 : 0) ||
      (a.awareAt < b.awareAt ? -1 : a.awareAt > b.awareAt ? 1 : 0) ||
      a.eventId - b.eventId,
  );
  return {
    saes,
    deviations: deviations
      .filter((d) => d.date <= asOf && (d.studyId === null || studyIds.has(d.studyId)))
      .map((d) => ({
        id: d.id,
        centre: d.centre,
        studyId: d.studyId,
        category: d.category,
        severity: d.severity,
        date: d.date,
        origin: d.origin,
      }))
      .sort((a, b) => a.id - b.id),
  };
}

function parseCriteria(text: string): string[] {
  try {
    const v: unknown = JSON.parse(text);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

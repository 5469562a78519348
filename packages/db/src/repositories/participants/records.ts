// Participant-level records as the rest of the system sees them: camelCase, typed, with booleans and
// parsed JSON, never a column name. Every read of these tables maps its rows here.
import {
  eligibilityRecordSchema,
  type CycleTiming,
  type EligibilityRecord,
  type IsoDate,
  type OffStudyReason,
} from '@trialdesk/domain';
import type { Selectable } from 'kysely';
import type {
  AssessmentsTable,
  AssessmentSlotsTable,
  CycleModification,
  EventsTable,
  EventType,
  ImagingResult,
  ParticipantsTable,
  ScreeningsTable,
  SlotStatusColumn,
  TreatmentCyclesTable,
} from '../../schema.js';

/** Who voided a record, when and why; null while the record counts. */
export interface Voided {
  at: string;
  by: number | null;
  reason: string | null;
}

export interface OffStudy {
  date: IsoDate;
  reason: OffStudyReason;
}

/** Who wrote a new record, and when. */
export interface Created {
  createdAt: string;
  createdBy: number | null;
}

export interface Participant {
  id: number;
  trialId: string;
  centre: string;
  studyId: string;
  inclusionDate: IsoDate;
  consentDate: IsoDate;
  ageAtInclusion: number;
  sex: 'female' | 'male';
  eligibility: EligibilityRecord;
  surgeryDate: IsoDate | null;
  pumpDate: IsoDate | null;
  /** Why no pump was placed at surgery; null when it was, or before surgery. */
  pumpNotPlacedReason: string | null;
  timeZero: IsoDate | null;
  followUpEnd: IsoDate | null;
  offStudy: OffStudy | null;
  synthetic: boolean;
  voided: Voided | null;
}

export interface CycleValues {
  cycleDate: IsoDate;
  emptyDate: IsoDate | null;
  flowRateMlDay: number | null;
  returnedVolumeMl: number | null;
  doseMg: number | null;
  modification: CycleModification;
  modificationReason: string | null;
}

export interface TreatmentCycle extends CycleValues {
  id: number;
  participantId: number;
  centre: string;
  cycle: number;
  /** The window it was due in and whether it was given outside it; null before it was worked out. */
  timing: CycleTiming | null;
  voided: Voided | null;
}

export interface AssessmentSlot {
  id: number;
  participantId: number;
  centre: string;
  month: number;
  dueDate: IsoDate;
  windowStart: IsoDate;
  windowEnd: IsoDate;
  status: SlotStatusColumn;
  performedDate: IsoDate | null;
  late: boolean;
}

export interface AssessmentValues {
  performedDate: IsoDate | null;
  cea: number | null;
  imagingResult: ImagingResult | null;
  missedReason: string | null;
  outOfWindow: boolean;
}

export interface Assessment extends AssessmentValues {
  id: number;
  participantId: number;
  slotId: number;
  centre: string;
  status: 'done' | 'missed';
  voided: Voided | null;
}

export interface EventValues {
  date: IsoDate;
  recurrenceSite: 'hepatic' | 'extrahepatic' | 'both' | null;
  deathCause: string | null;
  complicationTerm: string | null;
  complicationCategory: 'surgical' | 'pump' | 'toxicity' | 'other' | null;
  gradeScale: 'clavien_dindo' | 'ctcae' | null;
  grade: string | null;
  haipRelated: boolean | null;
  resolutionDate: IsoDate | null;
  reason: string | null;
}

export interface ClinicalEvent extends EventValues {
  id: number;
  participantId: number;
  centre: string;
  type: EventType;
  voided: Voided | null;
}

export interface ScreeningValues {
  screeningDate: IsoDate;
  outcome: 'included' | 'not_eligible' | 'declined' | 'other';
  failedCriteria: string[];
  reason: string | null;
}

export interface Screening extends ScreeningValues {
  id: number;
  trialId: string;
  centre: string;
  screeningNumber: string;
  participantId: number | null;
  voided: Voided | null;
}

// ---------------------------------------------------------------------------------------------------
// Rows to records
// ---------------------------------------------------------------------------------------------------
type VoidColumns = { voided_at: string | null; voided_by: number | null; void_reason: string | null };

export function voidedOf(r: VoidColumns): Voided | null {
  return r.voided_at === null ? null : { at: r.voided_at, by: r.voided_by, reason: r.void_reason };
}

export function offStudyOf(r: {
  off_study_date: string | null;
  off_study_reason: OffStudyReason | null;
}): OffStudy | null {
  return r.off_study_date && r.off_study_reason
    ? { date: r.off_study_date, reason: r.off_study_reason }
    : null;
}

export function toParticipant(r: Selectable<ParticipantsTable>): Participant {
  return {
    id: r.id,
    trialId: r.trial_id,
    centre: r.centre,
    studyId: r.study_id,
    inclusionDate: r.inclusion_date,
    consentDate: r.consent_date,
    ageAtInclusion: r.age_at_inclusion,
    sex: r.sex,
    eligibility: eligibilityRecordSchema.parse(JSON.parse(r.eligibility)),
    surgeryDate: r.surgery_date,
    pumpDate: r.pump_date,
    pumpNotPlacedReason: r.pump_not_placed_reason,
    timeZero: r.time_zero,
    followUpEnd: r.follow_up_end,
    offStudy: offStudyOf(r),
    synthetic: r.synthetic === 1,
    voided: voidedOf(r),
  };
}

export function toCycle(r: Selectable<TreatmentCyclesTable>): TreatmentCycle {
  return {
    id: r.id,
    participantId: r.participant_id,
    centre: r.centre,
    cycle: r.cycle,
    cycleDate: r.cycle_date,
    emptyDate: r.empty_date,
    flowRateMlDay: r.flow_rate_ml_day,
    returnedVolumeMl: r.returned_volume_ml,
    doseMg: r.dose_mg,
    modification: r.modification,
    modificationReason: r.modification_reason,
    timing:
      r.planned_date !== null && r.window_start !== null && r.window_end !== null
        ? {
            plannedDate: r.planned_date,
            windowStart: r.window_start,
            windowEnd: r.window_end,
            outOfWindow: r.out_of_window === 1,
          }
        : null,
    voided: voidedOf(r),
  };
}

export function toSlot(r: Selectable<AssessmentSlotsTable>): AssessmentSlot {
  return {
    id: r.id,
    participantId: r.participant_id,
    centre: r.centre,
    month: r.month,
    dueDate: r.due_date,
    windowStart: r.window_start,
    windowEnd: r.window_end,
    status: r.status,
    performedDate: r.performed_date,
    late: r.late === 1,
  };
}

export function toAssessment(r: Selectable<AssessmentsTable>): Assessment {
  return {
    id: r.id,
    participantId: r.participant_id,
    slotId: r.slot_id,
    centre: r.centre,
    status: r.status,
    performedDate: r.performed_date,
    cea: r.cea,
    imagingResult: r.imaging_result,
    missedReason: r.missed_reason,
    outOfWindow: r.out_of_window === 1,
    voided: voidedOf(r),
  };
}

export function toEvent(r: Selectable<EventsTable>): ClinicalEvent {
  return {
    id: r.id,
    participantId: r.participant_id,
    centre: r.centre,
    type: r.type,
    date: r.event_date,
    recurrenceSite: r.recurrence_site,
    deathCause: r.death_cause,
    complicationTerm: r.complication_term,
    complicationCategory: r.complication_category,
    gradeScale: r.grade_scale,
    grade: r.grade,
    haipRelated: r.haip_related === null ? null : r.haip_related === 1,
    resolutionDate: r.resolution_date,
    reason: r.reason,
    voided: voidedOf(r),
  };
}

/** The stored list of failed criteria; a value that does not parse counts as none. */
export function parseCriteria(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export function toScreening(r: Selectable<ScreeningsTable>): Screening {
  return {
    id: r.id,
    trialId: r.trial_id,
    centre: r.centre,
    screeningNumber: r.screening_number,
    screeningDate: r.screening_date,
    outcome: r.outcome,
    failedCriteria: parseCriteria(r.failed_criteria),
    reason: r.reason,
    participantId: r.participant_id,
    voided: voidedOf(r),
  };
}

// Trial milestones, planned against actual. Planned dates come from the protocol; actual dates from the
// data; dates still ahead are projected from the data (the last time zero, or the projected last inclusion).
import { addMonths, type IsoDate } from './dates.js';
import type { LocalizedText, TrialDefinition } from './trial-definition.js';

export const milestoneKeys = [
  'firstPatientIn',
  'lastPatientIn',
  'lastPatientLastVisit',
  'primaryAnalysis',
  'finalAnalysis',
] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];

/**
 * Each milestone's one name, in both languages: the overview, the committee report and its PDF all print
 * it from here (they used to say "Last patient's 5-year visit" on one page and "… last visit" on another).
 */
export const milestoneNames: Record<MilestoneKey, LocalizedText> = {
  firstPatientIn: { en: 'First patient in', nl: 'Eerste patiënt geïncludeerd' },
  lastPatientIn: { en: 'Last patient in', nl: 'Laatste patiënt geïncludeerd' },
  lastPatientLastVisit: { en: "Last patient's last visit", nl: 'Laatste bezoek van de laatste patiënt' },
  primaryAnalysis: { en: 'Primary analysis', nl: 'Primaire analyse' },
  finalAnalysis: { en: 'Final analysis', nl: 'Eindanalyse' },
};

export interface Milestone {
  key: MilestoneKey;
  planned: IsoDate;
  /** The date it happened (for inclusions) or the date it is expected from the data. */
  date: IsoDate | null;
  /**
   * 'actual': done, and the data show it (the inclusions; the last visit once every expected visit is
   * recorded); 'due': its date has passed but the data do not show it done (an analysis, which the data
   * can never show, or a last visit with visits still open); 'projected': still ahead, projected from the
   * data; 'unknown': no basis yet.
   */
  basis: 'actual' | 'due' | 'projected' | 'unknown';
  /**
   * Whether it was done, as the data show: true exactly when `basis` is 'actual'. A date that has passed
   * is not enough (an analysis "due since" is not done), so nothing undone is ever shown as reached.
   */
  reached: boolean;
}

export interface MilestoneFacts {
  firstInclusion: IsoDate | null;
  lastInclusion: IsoDate | null;
  included: number;
  /** The latest follow-up end among participants still in follow-up (or having completed it). */
  lastFollowUpEnd: IsoDate | null;
  /** Projected date of the last inclusion while recruitment runs. */
  projectedLastInclusion: IsoDate | null;
  /** Months from inclusion to time zero assumed for participants not yet included (e.g. surgery lag). */
  timeZeroLagMonths?: number;
  /**
   * Scheduled assessments still expected and not recorded (due, overdue or upcoming) as of today. The last
   * visit counts as done only when none is left; unknown (undefined) counts as some left.
   */
  openAssessments?: number;
}

export function trialMilestones(def: TrialDefinition, facts: MilestoneFacts, today: IsoDate): Milestone[] {
  const plannedLpi = def.recruitment.plannedEnd;
  const plannedLplv = addMonths(plannedLpi, def.followUpMonths);
  const complete = facts.included >= def.target;
  const lpi = complete ? facts.lastInclusion : facts.projectedLastInclusion;
  const lplv = complete
    ? facts.lastFollowUpEnd
    : lpi === null
      ? null
      : addMonths(lpi, def.followUpMonths + (facts.timeZeroLagMonths ?? 0));
  const primary =
    lpi === null ? null : addMonths(lpi, def.milestones.primaryAnalysisMonthsAfterLastInclusion);
  const final = lplv === null ? null : addMonths(lplv, def.milestones.finalAnalysisMonthsAfterLastVisit);

  /** `passed`: its date is on or before today; `done`: the data show it happened. */
  const make = (
    key: MilestoneKey,
    planned: IsoDate,
    date: IsoDate | null,
    passed: boolean,
    done: boolean,
  ): Milestone => {
    const basis = date === null ? 'unknown' : done ? 'actual' : passed ? 'due' : 'projected';
    return { key, planned, date, basis, reached: basis === 'actual' };
  };
  const lplvPassed = complete && lplv !== null && lplv <= today;
  const primaryPassed = complete && primary !== null && primary <= today;
  const finalPassed = complete && final !== null && final <= today;
  return [
    make(
      'firstPatientIn',
      def.recruitment.plannedStart,
      facts.firstInclusion,
      true,
      facts.firstInclusion !== null,
    ),
    make('lastPatientIn', plannedLpi, lpi, complete, complete && lpi !== null),
    make('lastPatientLastVisit', plannedLplv, lplv, lplvPassed, lplvPassed && facts.openAssessments === 0),
    // No record in the data says that an analysis was done: once its date has passed it is due, never done.
    make(
      'primaryAnalysis',
      addMonths(plannedLpi, def.milestones.primaryAnalysisMonthsAfterLastInclusion),
      primary,
      primaryPassed,
      false,
    ),
    make(
      'finalAnalysis',
      addMonths(plannedLplv, def.milestones.finalAnalysisMonthsAfterLastVisit),
      final,
      finalPassed,
      false,
    ),
  ];
}

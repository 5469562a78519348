// Trial milestones, planned against actual. Planned dates come from the protocol; actual dates from the
// data; dates still ahead are projected from the data (the last time zero, or the projected last inclusion).
import { addMonths, type IsoDate } from './dates.js';
import type { TrialDefinition } from './trial-definition.js';

export const milestoneKeys = [
  'firstPatientIn',
  'lastPatientIn',
  'lastPatientLastVisit',
  'primaryAnalysis',
  'finalAnalysis',
] as const;
export type MilestoneKey = (typeof milestoneKeys)[number];

export interface Milestone {
  key: MilestoneKey;
  planned: IsoDate;
  /** The date it happened (for inclusions) or the date it is expected from the data. */
  date: IsoDate | null;
  /**
   * 'actual': happened, from the data (inclusions, the last visit); 'due': an analysis the data allow from
   * that date, which the data cannot show as done; 'projected': still ahead, projected from the data;
   * 'unknown': no basis yet.
   */
  basis: 'actual' | 'due' | 'projected' | 'unknown';
  /** Whether the milestone lies on or before today (analyses: the data allow it from that date). */
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

  const make = (key: MilestoneKey, planned: IsoDate, date: IsoDate | null, happened: boolean): Milestone => ({
    key,
    planned,
    date,
    basis: date === null ? 'unknown' : !happened ? 'projected' : key.endsWith('Analysis') ? 'due' : 'actual',
    reached: happened,
  });
  return [
    make('firstPatientIn', def.recruitment.plannedStart, facts.firstInclusion, facts.firstInclusion !== null),
    make('lastPatientIn', plannedLpi, lpi, complete && lpi !== null),
    make('lastPatientLastVisit', plannedLplv, lplv, complete && lplv !== null && lplv <= today),
    make(
      'primaryAnalysis',
      addMonths(plannedLpi, def.milestones.primaryAnalysisMonthsAfterLastInclusion),
      primary,
      complete && primary !== null && primary <= today,
    ),
    make(
      'finalAnalysis',
      addMonths(plannedLplv, def.milestones.finalAnalysisMonthsAfterLastVisit),
      final,
      complete && final !== null && final <= today,
    ),
  ];
}

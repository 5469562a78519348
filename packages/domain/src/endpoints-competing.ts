// The hDFS events seen as competing risks, for the committee's cumulative-incidence view: a
// hepatic recurrence (cause 1) and a death before any hepatic recurrence (cause 2) compete, and
// everything else is censored (0). Read off the hDFS derivation itself (endpoints.ts), so the
// censoring, off-study and time-zero rules are exactly those of hDFS: both settings of
// deathIsEvent date a death without hepatic recurrence at the death ('death' or
// 'death_not_event'), so the competing-risks view is the same whichever the trial uses.
import type { EndpointDerivation, EndpointReason, EndpointValue } from './endpoints.js';

export const CENSORED = 0;
export const HEPATIC_RECURRENCE = 1;
export const DEATH_WITHOUT_HEPATIC_RECURRENCE = 2;
export type HdfsCompetingCause =
  typeof CENSORED | typeof HEPATIC_RECURRENCE | typeof DEATH_WITHOUT_HEPATIC_RECURRENCE;

export interface CompetingRisksParticipant {
  studyId: string;
  centre: string;
  /** Months from time zero, as the hDFS time. */
  time: number;
  cause: HdfsCompetingCause;
  reason: EndpointReason;
}

export interface HdfsCompetingRisks {
  /** One per analysed participant, in the derivation's order: the input of cumulativeIncidence. */
  participants: CompetingRisksParticipant[];
  /** hDFS events by type, as the trial's hDFS counts them (deaths only if death is an event there). */
  hdfsEvents: { hepaticRecurrence: number; death: number; total: number };
  /** Deaths before any hepatic recurrence: cause 2 here, whether or not hDFS counts them. */
  competingDeaths: number;
  censored: number;
}

/** The competing-risks cause of one hDFS value. */
export function hdfsCompetingCause(value: EndpointValue): HdfsCompetingCause {
  switch (value.reason.cause) {
    case 'hepatic_recurrence':
      return HEPATIC_RECURRENCE;
    case 'death':
    case 'death_not_event':
      return DEATH_WITHOUT_HEPATIC_RECURRENCE;
    case 'last_liver_imaging':
    case 'no_imaging':
      return CENSORED;
    case 'recurrence':
    case 'last_disease_free_imaging':
    case 'last_contact':
      // DFS and OS reasons: a caller passed the wrong endpoint, which must not read as censored.
      throw new TypeError(`not an hDFS value: ${value.reason.cause}`);
  }
}

/** The competing-risks data and the hDFS event counts; null for a trial without an hDFS endpoint. */
export function hdfsCompetingRisks(derivation: EndpointDerivation): HdfsCompetingRisks | null {
  if (!derivation.endpoints.some((e) => e.kind === 'hdfs')) return null;
  const participants: CompetingRisksParticipant[] = [];
  const hdfsEvents = { hepaticRecurrence: 0, death: 0, total: 0 };
  let competingDeaths = 0;
  let censored = 0;
  for (const a of derivation.analysed) {
    const v = a.values.hdfs;
    if (v === undefined) continue;
    const cause = hdfsCompetingCause(v);
    participants.push({ studyId: a.studyId, centre: a.centre, time: v.time, cause, reason: v.reason });
    if (cause === HEPATIC_RECURRENCE) hdfsEvents.hepaticRecurrence++;
    else if (cause === DEATH_WITHOUT_HEPATIC_RECURRENCE) competingDeaths++;
    else censored++;
    if (v.event && cause === DEATH_WITHOUT_HEPATIC_RECURRENCE) hdfsEvents.death++;
    if (v.event) hdfsEvents.total++;
  }
  return { participants, hdfsEvents, competingDeaths, censored };
}

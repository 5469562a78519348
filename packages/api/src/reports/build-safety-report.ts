// The committee report's "Serious adverse events" and "Protocol deviations" sections, from the dataset (a
// frozen cut carries the SAEs and deviations as of the cut). The open part, which the steering committee
// sees, holds counts only: by criterion, SUSARs, per centre, report timeliness; deviations per centre and
// category. The SAE listing (per participant, chronological) belongs to the closed part and only to a role
// that reads participants: the steering committee never gets a row of it.
import {
  saeClocks,
  seriousCriteria,
  summariseDeviations,
  type Causality,
  type ClockState,
  type DatasetSae,
  type SeriousCriterion,
  type TrialDataset,
  type TrialDefinition,
} from '@trialdesk/domain';

type StateCounts = Record<'onTime' | 'late' | 'due' | 'overdue', number>;

const key: Record<ClockState, keyof StateCounts> = {
  on_time: 'onTime',
  late: 'late',
  due: 'due',
  overdue: 'overdue',
};

function clocksOf(s: DatasetSae, readAt: string) {
  return saeClocks(
    {
      awareAt: s.awareAt,
      initialReportedAt: s.reportedAt,
      susar: s.susar,
      criteria: s.criteria,
      susarReportedAt: s.susarReportedAt,
    },
    readAt,
  );
}

export interface SaeListingRow {
  studyId: string;
  centre: string;
  eventType: 'complication' | 'death';
  eventDate: string;
  term: string;
  criteria: SeriousCriterion[];
  assessments: {
    intervention: string;
    name: { en: string; nl: string };
    causality: Causality;
    expected: boolean | null;
  }[];
  susar: boolean;
  awareAt: string;
  reportedAt: string | null;
  initial: { dueAt: string; state: ClockState };
  susarReport: { dueAt: string; reportedAt: string | null; state: ClockState } | null;
}

/** Open part: counts only (no study ID). null when the cut was frozen before SAEs were kept in cuts. */
export function safetyReportingCounts(def: TrialDefinition, data: TrialDataset, readAt: string) {
  if (data.saes === undefined) return null;
  const rows = data.saes.map((s) => ({ s, clocks: clocksOf(s, readAt) }));
  const initial: StateCounts = { onTime: 0, late: 0, due: 0, overdue: 0 };
  const susar: StateCounts = { onTime: 0, late: 0, due: 0, overdue: 0 };
  for (const { clocks } of rows) {
    initial[key[clocks.initial.state]] += 1;
    if (clocks.susar) susar[key[clocks.susar.state]] += 1;
  }
  return {
    /** The instant the report clocks are read at: the cut's freezing, or now for live data. */
    readAt,
    total: rows.length,
    susars: rows.filter((r) => r.s.susar).length,
    deaths: rows.filter((r) => r.s.eventType === 'death').length,
    deathsNotReported: rows.filter((r) => r.s.reportedAt === null).length,
    byCriterion: seriousCriteria.map((criterion) => ({
      criterion,
      n: rows.filter((r) => r.s.criteria.includes(criterion)).length,
    })),
    initialReports: initial,
    susarReports: susar,
    byCentre: def.centres.map((c) => {
      const mine = rows.filter((r) => r.s.centre === c.code);
      return {
        centre: c.code,
        saes: mine.length,
        susars: mine.filter((r) => r.s.susar).length,
        initialOverdue: mine.filter((r) => r.clocks.initial.state === 'overdue').length,
        lateReports:
          mine.filter((r) => r.clocks.initial.state === 'late').length +
          mine.filter((r) => r.clocks.susar?.state === 'late').length,
      };
    }),
  };
}

/** Open part: deviations per centre and category, major and minor. null for a cut frozen before they were kept. */
export function deviationCounts(def: TrialDefinition, data: TrialDataset) {
  if (data.deviations === undefined) return null;
  const cells = summariseDeviations(data.deviations);
  const byCentre = def.centres.map((c) => {
    const mine = cells.filter((x) => x.centre === c.code);
    return {
      centre: c.code,
      major: mine.reduce((n, x) => n + x.major, 0),
      minor: mine.reduce((n, x) => n + x.minor, 0),
    };
  });
  const major = byCentre.reduce((n, c) => n + c.major, 0);
  const minor = byCentre.reduce((n, c) => n + c.minor, 0);
  return { total: major + minor, major, minor, cells, byCentre };
}

/** Closed part: the SAE listing per participant, chronological (awareness), with each report's timeliness. */
export function saeListing(def: TrialDefinition, data: TrialDataset, readAt: string): SaeListingRow[] | null {
  if (data.saes === undefined) return null;
  const names = new Map(def.safety.interventions.map((i) => [i.id, i.name]));
  return data.saes.map((s) => {
    const clocks = clocksOf(s, readAt);
    return {
      studyId: s.studyId,
      centre: s.centre,
      eventType: s.eventType,
      eventDate: s.eventDate,
      term: s.term,
      criteria: s.criteria,
      assessments: s.assessments.map((a) => ({
        ...a,
        name: names.get(a.intervention) ?? { en: a.intervention, nl: a.intervention },
      })),
      susar: s.susar,
      awareAt: s.awareAt,
      reportedAt: s.reportedAt,
      initial: { dueAt: clocks.initial.dueAt, state: clocks.initial.state },
      susarReport: clocks.susar && {
        dueAt: clocks.susar.dueAt,
        reportedAt: clocks.susar.reportedAt,
        state: clocks.susar.state,
      },
    };
  });
}

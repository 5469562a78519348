// The SAE listing (per participant, chronologically) with each report's clock, for the PI, the monitor, the
// data manager and a coordinator's own centre; and the aggregate the steering committee sees. A recorded
// death that nobody reported yet is listed too: death is always an SAE, and its 24-hour clock runs from
// when the death was entered (the site knew by then at the latest).
import {
  INITIAL_REPORT_MS,
  isSaeOverdue,
  localDateTime,
  reportClock,
  saeClocks,
  seriousCriteria,
  type SaeClocks,
  type SeriousCriterion,
  type TrialDefinition,
} from '@trialdesk/domain';
import {
  listFollowUps,
  listSaes,
  unreportedDeaths,
  withAllCentres,
  type Db,
  type SaeAssessment,
  type SaeFollowUp,
} from '@trialdesk/db';
import { scopedCentre, loadParticipant } from '../../access/centre-scope.js';
import { loadTrial } from '../../access/load-trial.js';
import { nowIso } from '../../context.js';
import type { UseCaseDeps } from '../deps.js';

export interface SaeListing {
  /** null for a death not yet reported. */
  id: number | null;
  studyId: string;
  centre: string;
  eventId: number;
  eventType: 'complication' | 'death';
  eventDate: string;
  eventTerm: string;
  eventVoided: boolean;
  criteria: SeriousCriterion[];
  assessments: (SaeAssessment & { interventionName: string })[];
  susar: boolean;
  awareAt: string;
  /** Europe/Amsterdam wall-clock time of awareness. */
  awareAtLocal: string;
  /** True when awareness is the time the death was entered (no report yet). */
  awarenessFromRecord: boolean;
  description: string | null;
  reportedAt: string | null;
  reportedByName: string | null;
  review: { at: string; byName: string; comment: string | null } | null;
  susarReport: { at: string; byName: string; reference: string } | null;
  followUps: Omit<SaeFollowUp, 'saeId'>[];
  clocks: SaeClocks;
  overdue: boolean;
  synthetic: boolean;
}

type Reader = Pick<UseCaseDeps, 'db' | 'actor' | 'lang' | 'clock'>;

/** Every SAE of the trial in scope, with clocks at `now`; used by the listing, the worklist and the overview. */
export async function saeListing(
  deps: Reader,
  db: Db,
  def: TrialDefinition,
  f: { centre: string | null; participantId: number | null },
): Promise<SaeListing[]> {
  const now = nowIso(deps);
  const names = new Map(def.safety.interventions.map((i) => [i.id, i.name[deps.lang]]));
  const saes = await listSaes(db, { trialId: def.id, centre: f.centre, participantId: f.participantId });
  const followUps = await listFollowUps(
    db,
    saes.map((s) => s.id),
  );
  const reported: SaeListing[] = saes.map((s) => {
    const clocks = saeClocks(
      {
        awareAt: s.awareAt,
        initialReportedAt: s.reportedAt,
        susar: s.susar,
        criteria: s.criteria,
        susarReportedAt: s.susarReportedAt,
      },
      now,
    );
    return {
      id: s.id,
      studyId: s.studyId,
      centre: s.centre,
      eventId: s.eventId,
      eventType: s.eventType,
      eventDate: s.eventDate,
      eventTerm: s.eventTerm,
      eventVoided: s.eventVoided,
      criteria: s.criteria,
      assessments: s.assessments.map((a) => ({
        ...a,
        interventionName: names.get(a.intervention) ?? a.intervention,
      })),
      susar: s.susar,
      awareAt: s.awareAt,
      awareAtLocal: localDateTime(s.awareAt),
      awarenessFromRecord: false,
      description: s.description,
      reportedAt: s.reportedAt,
      reportedByName: s.reportedByName,
      review:
        s.reviewedAt !== null
          ? { at: s.reviewedAt, byName: s.reviewedByName ?? '', comment: s.reviewComment }
          : null,
      susarReport:
        s.susarReportedAt !== null
          ? { at: s.susarReportedAt, byName: s.susarReportedByName ?? '', reference: s.susarReference ?? '' }
          : null,
      followUps: followUps
        .filter((u) => u.saeId === s.id)
        .map(({ seq, text, reportedAt, reportedByName }) => ({ seq, text, reportedAt, reportedByName })),
      clocks,
      overdue: isSaeOverdue(clocks),
      synthetic: s.synthetic,
    };
  });
  const deaths = await unreportedDeaths(db, {
    trialId: def.id,
    centre: f.centre,
    participantId: f.participantId,
  });
  const pending: SaeListing[] = deaths.map((d) => {
    const clocks = { initial: reportClock(d.recordedAt, INITIAL_REPORT_MS, null, now), susar: null };
    return {
      id: null,
      studyId: d.studyId,
      centre: d.centre,
      eventId: d.eventId,
      eventType: 'death',
      eventDate: d.date,
      eventTerm: d.cause,
      eventVoided: false,
      criteria: ['death'],
      assessments: [],
      susar: false,
      awareAt: d.recordedAt,
      awareAtLocal: localDateTime(d.recordedAt),
      awarenessFromRecord: true,
      description: null,
      reportedAt: null,
      reportedByName: null,
      review: null,
      susarReport: null,
      followUps: [],
      clocks,
      overdue: isSaeOverdue(clocks),
      synthetic: false,
    };
  });
  return [...reported, ...pending].sort(
    (a, b) =>
      a.studyId.localeCompare(b.studyId) || a.awareAt.localeCompare(b.awareAt) || a.eventId - b.eventId,
  );
}

export async function listSaesFor(
  deps: Reader,
  input: { trialId: string; studyId?: string | undefined; centre?: string | undefined },
): Promise<SaeListing[]> {
  const trial = await loadTrial(deps, input.trialId);
  const centre = scopedCentre(deps.actor, 'participant:read', input.centre);
  let participantId: number | null = null;
  if (input.studyId !== undefined) {
    const p = await loadParticipant(deps, deps.db, 'participant:read', trial.id, input.studyId);
    participantId = p.id;
  }
  return saeListing(deps, deps.db, trial.definition, { centre, participantId });
}

export interface SaeSummary {
  total: number;
  susars: number;
  deaths: number;
  /** Deaths recorded without an SAE report yet. */
  deathsNotReported: number;
  byCriterion: { criterion: SeriousCriterion; n: number }[];
  initialReports: { onTime: number; late: number; due: number; overdue: number };
  susarReports: { onTime: number; late: number; due: number; overdue: number };
  notReviewed: number;
  byCentre: SaeCentreCounts[];
}

/** One centre's SAE counts (the overview's safety panel and the open report). */
export interface SaeCentreCounts {
  centre: string;
  saes: number;
  susars: number;
  /** SAEs with any report (initial or SUSAR) overdue now. */
  overdue: number;
  /** Initial reports not made and past their 24 hours now (in practice: deaths nobody reported yet). */
  initialOverdue: number;
  /** Reports (initial and SUSAR) that were made after their due instant. */
  lateReports: number;
}

/** Aggregates only, across every centre (the steering committee's view; no study IDs). */
export async function saeSummaryFor(deps: Reader, input: { trialId: string }): Promise<SaeSummary> {
  const trial = await loadTrial(deps, input.trialId);
  // Aggregates are trial-wide for every role that reads them, coordinators included: counts, no study IDs.
  // On PostgreSQL a coordinator's requests run in their centre's row-level scope, so the read across
  // centres is named (as the overview's is), or a coordinator would count only their own centre there.
  const rows = await withAllCentres(deps.db, (all) =>
    saeListing(deps, all, trial.definition, { centre: null, participantId: null }),
  );
  const live = rows.filter((r) => !r.eventVoided);
  const count = (pick: (r: SaeListing) => string | undefined) => {
    const c = { onTime: 0, late: 0, due: 0, overdue: 0 };
    for (const r of live) {
      const s = pick(r);
      if (s === 'on_time') c.onTime += 1;
      else if (s === 'late') c.late += 1;
      else if (s === 'due') c.due += 1;
      else if (s === 'overdue') c.overdue += 1;
    }
    return c;
  };
  const centres = new Map<string, SaeCentreCounts>();
  for (const c of trial.definition.centres)
    centres.set(c.code, {
      centre: c.code,
      saes: 0,
      susars: 0,
      overdue: 0,
      initialOverdue: 0,
      lateReports: 0,
    });
  for (const r of live) {
    const c = centres.get(r.centre);
    if (!c) continue;
    c.saes += 1;
    if (r.susar) c.susars += 1;
    if (r.overdue) c.overdue += 1;
    if (r.clocks.initial.state === 'overdue') c.initialOverdue += 1;
    if (r.clocks.initial.state === 'late') c.lateReports += 1;
    if (r.clocks.susar?.state === 'late') c.lateReports += 1;
  }
  return {
    total: live.length,
    susars: live.filter((r) => r.susar).length,
    deaths: live.filter((r) => r.eventType === 'death').length,
    deathsNotReported: live.filter((r) => r.id === null).length,
    byCriterion: seriousCriteria.map((criterion) => ({
      criterion,
      n: live.filter((r) => r.criteria.includes(criterion)).length,
    })),
    initialReports: count((r) => r.clocks.initial.state),
    susarReports: count((r) => r.clocks.susar?.state),
    notReviewed: live.filter((r) => r.id !== null && r.review === null).length,
    byCentre: [...centres.values()],
  };
}

// The steering committee report of one dataset (a frozen cut, or live data): accrual, enrolment per
// centre, milestones, follow-up completeness, CONSORT, safety and survival. One object, shown on screen
// and drawn into the PDF, so the two can never disagree.
import { createHash } from 'node:crypto';
import {
  addDays,
  assessmentState,
  canonicalJson,
  consortFlow,
  cumulativeAccrual,
  deriveEndpoints,
  diffDays,
  failureWordings,
  maxDate,
  projectAccrual,
  safetySummary,
  trialMilestones,
  type AccrualProjection,
  type AssessmentState,
  type DatasetParticipant,
  type IsoDate,
  type TrialDataset,
} from '@trialdesk/domain';
import type { MeetingRecord, TrialRecord } from '@trialdesk/db';
import { PROJECTION_WINDOW_DAYS } from './build-overview.js';
import type { CutInfo } from './source.js';
import { buildOutcomes } from './build-outcomes.js';
import { followUpSummary } from './build-committee-analyses.js';
import { buildBaseline } from './build-baseline.js';
import { projectionPoints } from './accrual-projection-points.js';
import type { SignatureSummary } from '../use-cases/signatures/signature-status.js';
import { deviationCounts, saeListing, safetyReportingCounts } from './build-safety-report.js';

export function datasetHash(data: TrialDataset): string {
  return createHash('sha256').update(canonicalJson(data), 'utf8').digest('hex');
}

const COUNTED: readonly AssessmentState[] = ['done', 'done_late', 'missed', 'overdue'];

function slotStates(p: DatasetParticipant, asOf: IsoDate): AssessmentState[] {
  const recorded = new Map(p.assessments.map((a) => [a.month, a]));
  return p.slots.map((s) => {
    const a = recorded.get(s.month);
    const off = p.offStudy !== null && s.dueDate > p.offStudy.date;
    const status = a ? a.status : off ? 'not_applicable' : 'scheduled';
    return assessmentState(
      { status, windowStart: s.windowStart, windowEnd: s.windowEnd, performedDate: a?.performedDate ?? null },
      asOf,
    );
  });
}

function completeness(states: readonly AssessmentState[]) {
  const counts: Record<AssessmentState, number> = {
    done: 0,
    done_late: 0,
    missed: 0,
    due: 0,
    overdue: 0,
    upcoming: 0,
    not_applicable: 0,
  };
  for (const s of states) counts[s] += 1;
  const expected = COUNTED.reduce((n, s) => n + counts[s], 0);
  const done = counts.done + counts.done_late;
  return { states: counts, expected, done, percent: expected > 0 ? (100 * done) / expected : null };
}

/**
 * The report's closed part (efficacy outcomes, comparisons by centre, listings) is built only for a role
 * the trial's outcome-visibility setting lets see it; the open part (accrual, baseline, treatment
 * delivery, pooled safety, data quality) is built for every role that reads aggregates.
 */
export interface ReportOptions {
  closed: boolean;
  /** The trial's committee meeting records, newest first (open part: what was decided, on which cut). */
  meetings: readonly MeetingRecord[];
  /** Electronic signatures: casebook counts by state and the cut's own signature (open part, no IDs). */
  signatures?: SignatureSummary;
  /**
   * The instant the SAE report clocks are read at: for a cut, when it was frozen; for live data, now.
   * Defaults to the cut's creation, else the end of the as-of date.
   */
  readAt?: string;
  /**
   * The SAE listing (participant-level) in the closed part: only for a role that also reads participants,
   * so never for the steering committee, which sees the counts of the open part.
   */
  saeListing?: boolean;
  /**
   * The reader's centre scope: a coordinator (whom the trial lets see outcomes) gets their own centre's rows
   * of the SAE listing only, as on every participant page; null: every centre.
   */
  listingCentre?: string | null;
}

export function buildReport(
  trial: TrialRecord,
  data: TrialDataset,
  cut: CutInfo | null,
  options: ReportOptions,
) {
  const def = trial.definition;
  const asOf = data.asOf;
  const ps = data.participants;
  const readAt = options.readAt ?? cut?.createdAt ?? `${asOf}T23:59:59.999Z`;
  const monthly = new Map<string, number>();
  for (const p of ps) {
    const key = `${p.inclusionDate.slice(0, 7)}|${p.centre}`;
    monthly.set(key, (monthly.get(key) ?? 0) + 1);
  }
  const counts = [...monthly.entries()].map(([k, count]) => {
    const [month = '', centre = ''] = k.split('|');
    return { month, centre, count };
  });
  const dates = ps.map((p) => p.inclusionDate).sort();
  const firstInclusion = dates[0] ?? null;
  const lastInclusion = dates.at(-1) ?? null;
  const included = ps.length;
  const recruiting = included < def.target;
  let projection: AccrualProjection | null = null;
  if (recruiting) {
    const since = addDays(asOf, -PROJECTION_WINDOW_DAYS + 1);
    projection = projectAccrual({
      included,
      target: def.target,
      today: asOf,
      plannedEnd: def.recruitment.plannedEnd,
      windowDays: PROJECTION_WINDOW_DAYS,
      centres: def.centres.map((c) => ({
        centre: c.code,
        recentInclusions: ps.filter((p) => p.centre === c.code && p.inclusionDate >= since).length,
        activeDays: Math.max(
          0,
          Math.min(PROJECTION_WINDOW_DAYS, diffDays(maxDate(since, c.activationDate), asOf) + 1),
        ),
      })),
    });
  }
  const projectedLastInclusion = projection?.expectedDate ?? null;
  const ends = ps.flatMap((p) =>
    p.followUpEnd !== null && (p.offStudy === null || p.offStudy.date >= p.followUpEnd)
      ? [p.followUpEnd]
      : [],
  );
  const lastFollowUpEnd = ends.sort().at(-1) ?? null;
  const open: readonly AssessmentState[] = ['due', 'overdue', 'upcoming'];
  const openAssessments = ps.flatMap((p) => slotStates(p, asOf)).filter((s) => open.includes(s)).length;
  const milestones = trialMilestones(
    def,
    { firstInclusion, lastInclusion, included, lastFollowUpEnd, projectedLastInclusion, openAssessments },
    asOf,
  );

  return {
    meta: {
      trialId: def.id,
      code: def.code,
      title: def.title,
      principalInvestigator: def.principalInvestigator,
      synthetic: data.synthetic,
      asOf,
      cut,
      contentHash: cut?.contentHash ?? datasetHash(data),
      assumptions: def.assumptions,
    },
    accrual: {
      included,
      target: def.target,
      percent: Math.floor((100 * included) / def.target),
      firstInclusion,
      lastInclusion,
      plannedStart: def.recruitment.plannedStart,
      plannedEnd: def.recruitment.plannedEnd,
      points: projectionPoints(
        cumulativeAccrual(def, counts, asOf).map((p) => ({
          month: p.month,
          total: p.total,
          planned: p.planned,
        })),
        projection,
        included,
        def.target,
        asOf,
      ),
      /**
       * While recruiting: the pooled recent rate, the window it comes from, and when the target is reached
       * (the predictive median and 95% interval, which covers random arrivals as well as the rate).
       */
      projection: projection && {
        ratePerMonth: projection.ratePerMonth,
        rateWindow: projection.rateWindow,
        expectedDate: projection.expectedDate,
        predictive: projection.predictive,
      },
    },
    centres: def.centres.map((c) => {
      const mine = ps
        .filter((p) => p.centre === c.code)
        .map((p) => p.inclusionDate)
        .sort();
      return {
        code: c.code,
        name: c.name,
        city: c.city,
        target: c.target,
        included: mine.length,
        firstInclusion: mine[0] ?? null,
        lastInclusion: mine.at(-1) ?? null,
      };
    }),
    milestones,
    followUp: {
      byCentre: def.centres.map((c) => ({
        centre: c.code,
        ...completeness(ps.filter((p) => p.centre === c.code).flatMap((p) => slotStates(p, asOf))),
      })),
      total: completeness(ps.flatMap((p) => slotStates(p, asOf))),
      // Median follow-up belongs to the open part: it says how long participants have been followed, not
      // how they fared (reverse Kaplan–Meier, where a death censors).
      median: followUpSummary(deriveEndpoints(def, data)),
    },
    /** Baseline characteristics ("Table 1") per centre and overall: open part. */
    baseline: buildBaseline(def, data),
    consort: consortFlow(def, data),
    /** Criterion id → what was wrong when it failed, for the reasons of not being eligible. */
    criteria: failureWordings(def),
    safety: safetySummary(def, data),
    meetings: options.meetings.map((m) => ({
      id: m.id,
      meetingDate: m.meetingDate,
      attendees: m.attendees,
      cutId: m.cutId,
      cutHash: m.cutHash,
      recommendation: m.recommendation,
      minutes: m.minutes,
      signature: m.signature && {
        signedAt: m.signature.signedAt,
        signedBy: m.signature.signedBy,
        hash: m.signature.hash,
      },
    })),
    signatures: options.signatures ?? null,
    /** Serious adverse events, counts only (open part); null for a cut frozen before SAEs were kept in cuts. */
    saes: safetyReportingCounts(def, data, readAt),
    /** Protocol deviations per centre and category (open part); null for a cut frozen before they were kept. */
    deviations: deviationCounts(def, data),
    closed: options.closed
      ? {
          outcomes: buildOutcomes(def, data),
          saeListing:
            options.saeListing === true
              ? (saeListing(def, data, readAt)?.filter(
                  (r) => !options.listingCentre || r.centre === options.listingCentre,
                ) ?? null)
              : null,
        }
      : null,
  };
}

export type CommitteeReport = ReturnType<typeof buildReport>;

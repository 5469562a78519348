// Survival outcomes for the committee: Kaplan–Meier curves with confidence limits and censoring marks,
// the number at risk every 6 months, medians and landmark estimates, and an exploratory log-rank test
// by centre. Computed here from the endpoint derivation; the browser only draws what arrives.
import { kaplanMeier, logRank, numberAtRisk, survivalAt, type KaplanMeierResult } from '@trialdesk/analysis';
import {
  DAYS_PER_MONTH,
  deriveEndpoints,
  type EndpointDerivation,
  type EndpointKind,
  type TrialDataset,
  type TrialDefinition,
} from '@trialdesk/domain';
import { buildSwimmers, type Swimmer } from './build-swimmers.js';
import {
  MIN_AT_RISK,
  centreHazardRatios,
  centreObservations,
  competingRisksOutcome,
  followUpSummary,
  type CentreHazardRatios,
  type CompetingRisksOutcome,
  type FollowUpSummary,
} from './build-committee-analyses.js';

export const LANDMARK_MONTHS = [12, 24, 36, 60] as const;
export const AT_RISK_STEP_MONTHS = 6;

export interface CurvePoint {
  time: number;
  survival: number;
  lower: number | null;
  upper: number | null;
}

export interface EndpointOutcome {
  kind: EndpointKind;
  name: { en: string; nl: string };
  primary: boolean;
  deathIsEvent: boolean;
  analysed: number;
  events: number;
  censored: number;
  /** Step function from (0, 1): one point per distinct time, the value after that time. */
  curve: CurvePoint[];
  censorMarks: { time: number; survival: number; count: number }[];
  atRisk: { time: number; atRisk: number }[];
  median: { estimate: number | null; lower: number | null; upper: number | null };
  landmarks: {
    months: number;
    survival: number | null;
    lower: number | null;
    upper: number | null;
    atRisk: number;
    /** Fewer than MIN_AT_RISK at risk: the estimate rests on too few to read alone. */
    fewAtRisk: boolean;
  }[];
  /** The target the trial definition states, if any; `assumption` when the protocol does not give it. */
  target: {
    medianMonths: number;
    controlMedianMonths: number;
    source: { en: string; nl: string };
    assumption: boolean;
  } | null;
  /** Cox hazard ratios by centre against the largest: exploratory. */
  centreHazardRatios: CentreHazardRatios | null;
  byCentre: {
    groups: {
      centre: string;
      analysed: number;
      events: number;
      observed: number | null;
      expected: number | null;
      median: number | null;
      curve: CurvePoint[];
    }[];
    test: { chiSquare: number; df: number; pValue: number } | null;
  };
}

export interface Outcomes {
  asOf: string;
  timeUnit: 'months';
  daysPerMonth: number;
  included: number;
  analysed: number;
  excluded: number;
  maxMonths: number;
  /** The landmark caution's threshold. */
  minAtRisk: number;
  followUp: FollowUpSummary | null;
  /** hDFS as competing risks: hepatic recurrence against death without it. */
  competingRisks: CompetingRisksOutcome | null;
  endpoints: EndpointOutcome[];
  /** One bar per participant with treatment and events: the swimmer plot (closed part, a listing). */
  swimmers: Swimmer[];
}

function curveOf(km: KaplanMeierResult): CurvePoint[] {
  return [
    { time: 0, survival: 1, lower: 1, upper: 1 },
    ...km.steps
      .filter((s) => s.events > 0 || s.time > 0)
      .map((s) => ({ time: s.time, survival: s.survival, lower: s.lower, upper: s.upper })),
  ];
}

function observations(derivation: EndpointDerivation, kind: EndpointKind, centre?: string) {
  return derivation.analysed.flatMap((a) => {
    const v = a.values[kind];
    return v && (centre === undefined || a.centre === centre) ? [{ time: v.time, event: v.event }] : [];
  });
}

export function buildOutcomes(def: TrialDefinition, data: TrialDataset): Outcomes {
  const derivation = deriveEndpoints(def, data);
  const maxMonths = def.followUpMonths;
  const atRiskTimes = Array.from(
    { length: Math.floor(maxMonths / AT_RISK_STEP_MONTHS) + 1 },
    (_, i) => i * AT_RISK_STEP_MONTHS,
  );
  const landmarks = LANDMARK_MONTHS.filter((m) => m <= maxMonths);
  const endpoints = def.endpoints.map((e): EndpointOutcome => {
    const obs = observations(derivation, e.kind);
    const km = kaplanMeier(obs);
    const events = obs.filter((o) => o.event).length;
    const lastTime = km.steps.at(-1)?.time ?? -1;
    const centres = def.centres
      .map((c) => ({ centre: c.code, obs: observations(derivation, e.kind, c.code) }))
      .filter((g) => g.obs.length > 0);
    const testable = centres.length >= 2 && events > 0;
    const test = testable ? logRank(centres.map((g) => g.obs)) : null;
    return {
      kind: e.kind,
      name: e.name,
      primary: e.primary,
      deathIsEvent: e.deathIsEvent,
      analysed: obs.length,
      events,
      censored: obs.length - events,
      curve: curveOf(km),
      censorMarks: km.steps
        .filter((s) => s.censored > 0)
        .map((s) => ({ time: s.time, survival: s.survival, count: s.censored })),
      atRisk: numberAtRisk(km, atRiskTimes).map((n, i) => ({ time: atRiskTimes[i] ?? 0, atRisk: n })),
      median: km.median,
      landmarks: survivalAt(km, landmarks).map((s, i) => {
        const months = landmarks[i] ?? 0;
        // Past the last observed time nobody is at risk: R's summary(extend = TRUE) carries the curve
        // forward, but the committee sees "not estimable" rather than a value no one was followed for.
        const estimable = months <= lastTime;
        return {
          months,
          survival: estimable ? s.survival : null,
          lower: estimable ? s.lower : null,
          upper: estimable ? s.upper : null,
          atRisk: s.atRisk,
          fewAtRisk: s.atRisk < MIN_AT_RISK,
        };
      }),
      target: e.target ? { ...e.target, assumption: def.assumptions.includes('endpoints.target') } : null,
      centreHazardRatios: centreHazardRatios(centreObservations(derivation, e.kind)),
      byCentre: {
        groups: centres.map((g, i) => {
          const gkm = kaplanMeier(g.obs);
          return {
            centre: g.centre,
            analysed: g.obs.length,
            events: g.obs.filter((o) => o.event).length,
            observed: test?.observed[i] ?? null,
            expected: test?.expected[i] ?? null,
            median: gkm.median.estimate,
            curve: curveOf(gkm),
          };
        }),
        test: test ? { chiSquare: test.chiSquare, df: test.df, pValue: test.pValue } : null,
      },
    };
  });
  return {
    asOf: data.asOf,
    timeUnit: 'months',
    daysPerMonth: DAYS_PER_MONTH,
    included: data.participants.length,
    analysed: derivation.analysed.length,
    excluded: derivation.excluded.length,
    maxMonths,
    minAtRisk: MIN_AT_RISK,
    followUp: followUpSummary(derivation),
    competingRisks: competingRisksOutcome(derivation, landmarks),
    endpoints,
    swimmers: buildSwimmers(data),
  };
}

// What a trial statistician adds to the Kaplan–Meier curves for a committee: median follow-up (reverse
// Kaplan–Meier on overall survival), the hDFS events by type with the cumulative incidence of hepatic
// recurrence against death as a competing risk (Aalen–Johansen), and hazard ratios by centre (Cox,
// reference the largest centre; exploratory: the trial is single-arm and not powered for it). All computed
// here with packages/analysis; the browser and the PDF only lay out what arrives.
import {
  chiSquareUpperTail,
  coxPh,
  cumulativeIncidence,
  medianFollowUp,
  type MedianEstimate,
} from '@trialdesk/analysis';
import {
  HEPATIC_RECURRENCE,
  hdfsCompetingRisks,
  type EndpointDerivation,
  type EndpointKind,
} from '@trialdesk/domain';

/** Fewer at risk than this at a landmark: its estimate rests on too few to read alone (a caution). */
export const MIN_AT_RISK = 10;

export interface FollowUpSummary {
  /** Reverse Kaplan–Meier median of the overall-survival times (death censors, last contact is the event). */
  median: MedianEstimate;
  analysed: number;
}

export function followUpSummary(derivation: EndpointDerivation): FollowUpSummary | null {
  const obs = derivation.analysed.flatMap((a) => (a.values.os ? [a.values.os] : []));
  if (obs.length === 0) return null;
  return { median: medianFollowUp(obs.map((v) => ({ time: v.time, event: v.event }))), analysed: obs.length };
}

export interface CentreHazardRatio {
  centre: string;
  analysed: number;
  events: number;
  hazardRatio: number | null;
  lower: number | null;
  upper: number | null;
  /** R's "coefficient may be infinite" (e.g. a centre without events): not an estimate. */
  mayBeInfinite: boolean;
}

export interface CentreHazardRatios {
  exploratory: true;
  reference: { centre: string; analysed: number; events: number };
  terms: CentreHazardRatio[];
  likelihoodRatio: { chiSquare: number; df: number; pValue: number };
  converged: boolean;
}

type Obs = { time: number; event: boolean; centre: string };

/**
 * Cox hazard ratios of each centre against the largest (most analysed; ties: the first code in sorted
 * order), Efron ties as R's coxph. null with fewer than two centres or no event, where nothing is fitted.
 */
export function centreHazardRatios(obs: readonly Obs[]): CentreHazardRatios | null {
  const counts = new Map<string, { analysed: number; events: number }>();
  for (const o of obs) {
    const c = counts.get(o.centre) ?? { analysed: 0, events: 0 };
    c.analysed++;
    if (o.event) c.events++;
    counts.set(o.centre, c);
  }
  const centres = [...counts.keys()].sort();
  if (centres.length < 2 || !obs.some((o) => o.event)) return null;
  const largest = centres.reduce((best, c) =>
    (counts.get(c)?.analysed ?? 0) > (counts.get(best)?.analysed ?? 0) ? c : best,
  );
  const fit = coxPh(
    obs.map((o) => ({ time: o.time, event: o.event, group: o.centre })),
    { reference: largest },
  );
  const count = (c: string) => counts.get(c) ?? { analysed: 0, events: 0 };
  return {
    exploratory: true,
    reference: { centre: largest, ...count(largest) },
    terms: fit.terms.map((t) => ({
      centre: String(t.group),
      ...count(String(t.group)),
      hazardRatio: t.hazardRatio,
      lower: t.lower,
      upper: t.upper,
      mayBeInfinite: t.mayBeInfinite,
    })),
    likelihoodRatio: {
      chiSquare: fit.likelihoodRatioChiSquare,
      df: fit.df,
      pValue: fit.df > 0 ? chiSquareUpperTail(fit.likelihoodRatioChiSquare, fit.df) : 1,
    },
    converged: fit.converged,
  };
}

export interface IncidencePoint {
  time: number;
  atRisk: number;
  /** Cumulative incidence of hepatic recurrence (cause 1) and of death without it (cause 2). */
  recurrence: number;
  recurrenceStdErr: number;
  death: number;
  deathStdErr: number;
}

export interface CompetingRisksOutcome {
  /** hDFS events by type, as hDFS counts them (deaths only when death is an hDFS event). */
  hdfsEvents: { hepaticRecurrence: number; death: number; total: number };
  competingDeaths: number;
  censored: number;
  analysed: number;
  /** From (0, 0): one point per distinct time, the values after it. */
  curve: IncidencePoint[];
  landmarks: {
    months: number;
    recurrence: number | null;
    death: number | null;
    atRisk: number;
    fewAtRisk: boolean;
  }[];
}

export function competingRisksOutcome(
  derivation: EndpointDerivation,
  landmarkMonths: readonly number[],
): CompetingRisksOutcome | null {
  const cr = hdfsCompetingRisks(derivation);
  if (!cr || cr.participants.length === 0) return null;
  const fit = cumulativeIncidence(
    cr.participants.map((p) => ({ time: p.time, cause: p.cause })),
    { causes: 2 },
  );
  const curve: IncidencePoint[] = [
    { time: 0, atRisk: cr.participants.length, recurrence: 0, recurrenceStdErr: 0, death: 0, deathStdErr: 0 },
    ...fit.steps.map((s) => ({
      time: s.time,
      atRisk: s.atRisk,
      recurrence: s.incidence[HEPATIC_RECURRENCE - 1] ?? 0,
      recurrenceStdErr: s.stdErr[HEPATIC_RECURRENCE - 1] ?? 0,
      death: s.incidence[1] ?? 0,
      deathStdErr: s.stdErr[1] ?? 0,
    })),
  ];
  const lastTime = fit.steps.at(-1)?.time ?? 0;
  const landmarks = landmarkMonths.map((months) => {
    const atRisk = cr.participants.filter((p) => p.time >= months).length;
    // As for the KM landmarks: past the last observed time the curve is not estimable.
    const at = months <= lastTime ? curve.filter((p) => p.time <= months).at(-1) : undefined;
    return {
      months,
      recurrence: at?.recurrence ?? null,
      death: at?.death ?? null,
      atRisk,
      fewAtRisk: atRisk < MIN_AT_RISK,
    };
  });
  return {
    hdfsEvents: cr.hdfsEvents,
    competingDeaths: cr.competingDeaths,
    censored: cr.censored,
    analysed: cr.participants.length,
    curve,
    landmarks,
  };
}

/** The observations of one endpoint with their centre, for the Cox model. */
export function centreObservations(derivation: EndpointDerivation, kind: EndpointKind): Obs[] {
  return derivation.analysed.flatMap((a) => {
    const v = a.values[kind];
    return v ? [{ time: v.time, event: v.event, centre: a.centre }] : [];
  });
}

// A synthetic cohort, generated from a seed and an as-of date: the same inputs give the same cohort.
// Rates are plausible for adjuvant HAIP after repeat hepatectomy (see PROTOCOL.md: hDFS around four years,
// OS around seven), not estimates of anything: the data are synthetic and labelled so wherever shown.
import {
  addDays,
  diffDays,
  maxDate,
  minDate,
  scheduleAssessments,
  type EligibilityRecord,
  type IsoDate,
  type MeasureCriterion,
  type TrialDefinition,
} from '@trialdesk/domain';
import { createRng, type Rng } from './prng.js';
import { adjustForPumpComplication, notEmptied } from './pump-complications.js';
import { formatStudyId } from '../repositories/participants/participants.js';
import type { CycleModification, EventType, ImagingResult } from '../schema.js';

export interface CohortOptions {
  definition: TrialDefinition;
  seed: number;
  asOf: IsoDate;
  participants: number;
  /** Last possible inclusion date; defaults to the earlier of the planned end of recruitment and asOf. */
  inclusionsUntil?: IsoDate;
  /** Screened-but-not-included candidates per included participant. */
  screeningFailureRatio?: number;
}

export interface GeneratedCycle {
  cycle: number;
  cycleDate: IsoDate;
  emptyDate: IsoDate | null;
  flowRateMlDay: number | null;
  returnedVolumeMl: number | null;
  doseMg: number | null;
  modification: CycleModification;
  reason: string | null;
}

export interface GeneratedAssessment {
  month: number;
  status: 'done' | 'missed';
  performedDate: IsoDate | null;
  cea: number | null;
  imaging: ImagingResult | null;
  missedReason: string | null;
}

export interface GeneratedEvent {
  type: EventType;
  date: IsoDate;
  recurrenceSite?: 'hepatic' | 'extrahepatic' | 'both';
  deathCause?: string;
  complication?: {
    term: string;
    category: 'surgical' | 'pump' | 'toxicity' | 'other';
    scale: 'clavien_dindo' | 'ctcae';
    grade: string;
    haipRelated: boolean;
    resolutionDate: IsoDate | null;
  };
  reason?: string;
}

export interface GeneratedParticipant {
  centre: string;
  seq: number;
  studyId: string;
  inclusionDate: IsoDate;
  consentDate: IsoDate;
  ageAtInclusion: number;
  sex: 'female' | 'male';
  eligibility: EligibilityRecord;
  surgeryDate: IsoDate | null;
  pumpDate: IsoDate | null;
  timeZero: IsoDate | null;
  cycles: GeneratedCycle[];
  assessments: GeneratedAssessment[];
  events: GeneratedEvent[];
  offStudy: { date: IsoDate; reason: 'died' | 'withdrawn' | 'lost_to_follow_up' } | null;
}

export interface GeneratedScreening {
  centre: string;
  number: string;
  date: IsoDate;
  outcome: 'included' | 'not_eligible' | 'declined' | 'other';
  failedCriteria: string[];
  reason: string | null;
  studyId: string | null;
}

export interface Cohort {
  trialId: string;
  seed: number;
  asOf: IsoDate;
  participants: GeneratedParticipant[];
  screenings: GeneratedScreening[];
}

const DAYS_PER_MONTH = 365.25 / 12;

/** Monthly hazards: 5-year hepatic recurrence ≈ 40%, extrahepatic ≈ 45%, death without recurrence ≈ 15%. */
const HAZARD = {
  hepatic: -Math.log(0.6) / 60,
  extrahepatic: -Math.log(0.55) / 60,
  death: -Math.log(0.85) / 60,
  deathAfterRecurrence: Math.log(2) / 30,
  withdrawal: -Math.log(0.97) / 60,
  lost: -Math.log(0.98) / 60,
};

export function generateCohort(options: CohortOptions): Cohort {
  const { definition: def, asOf } = options;
  const rng = createRng(options.seed);
  const until = options.inclusionsUntil ?? minDate(def.recruitment.plannedEnd, asOf);
  const inclusions = drawInclusions(rng, def, options.participants, until);
  const participants = inclusions.map(({ centre, date, seq }) =>
    generateParticipant(rng, def, asOf, centre, seq, date),
  );
  const screenings = generateScreenings(rng, def, participants, options.screeningFailureRatio ?? 0.6, until);
  return { trialId: def.id, seed: options.seed, asOf, participants, screenings };
}

function drawInclusions(rng: Rng, def: TrialDefinition, n: number, until: IsoDate) {
  const windows = def.centres
    .map((c) => ({
      centre: c.code,
      start: maxDate(def.recruitment.plannedStart, c.activationDate),
      target: c.target,
    }))
    .filter((w) => w.start <= until);
  const weights = windows.map((w) => [w, w.target * (diffDays(w.start, until) + 1)] as const);
  const draws = Array.from({ length: n }, () => {
    const w = rng.weighted(weights);
    return { centre: w.centre, date: addDays(w.start, rng.int(0, diffDays(w.start, until))) };
  });
  draws.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // The first inclusion falls in the first weeks of recruitment, and a completed trial's last one in its
  // last weeks, as on the trial page (February 2021 – January 2023).
  const first = draws[0];
  const firstWindow = windows.find((w) => w.centre === first?.centre);
  if (first && firstWindow) first.date = addDays(firstWindow.start, rng.int(3, 20));
  const last = draws.at(-1);
  if (last && draws.length >= def.target && until === def.recruitment.plannedEnd)
    last.date = addDays(until, -rng.int(3, 14));
  draws.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const seqs = new Map<string, number>();
  return draws.map((d) => {
    const seq = (seqs.get(d.centre) ?? 0) + 1;
    seqs.set(d.centre, seq);
    return { ...d, seq };
  });
}

/** Typical values by criterion id, then forced into the eligible range. */
const TYPICAL: Record<string, { mean: number; sd: number; uln?: number }> = {
  age: { mean: 63, sd: 9 },
  ecog: { mean: 0.3, sd: 0.45 },
  anc: { mean: 4.2, sd: 1.3 },
  platelets: { mean: 235, sd: 60 },
  hb: { mean: 8.2, sd: 0.7 },
  bilirubin: { mean: 9, sd: 3, uln: 17 },
  asat: { mean: 32, sd: 12, uln: 35 },
  alat: { mean: 35, sd: 15, uln: 45 },
  alp: { mean: 110, sd: 35, uln: 120 },
  egfr: { mean: 82, sd: 14 },
};

function eligibleValue(rng: Rng, c: MeasureCriterion): { value: number; uln: number | null } {
  const typical = TYPICAL[c.id] ?? {
    mean: (c.plausible.min + c.plausible.max) / 2,
    sd: (c.plausible.max - c.plausible.min) / 10,
  };
  const uln = c.relativeToUln ? (typical.uln ?? 1) : null;
  const scale = uln ?? 1;
  const step = c.integer ? 1 : 0.1;
  let lo = c.min ? c.min.value * scale + (c.min.inclusive ? 0 : step) : c.plausible.min;
  let hi = c.max ? c.max.value * scale - (c.max.inclusive ? 0 : step) : c.plausible.max;
  lo = Math.max(lo, c.plausible.min);
  hi = Math.min(hi, c.plausible.max);
  const raw = Math.min(hi, Math.max(lo, rng.normal(typical.mean, typical.sd)));
  const value = c.integer
    ? Math.min(Math.floor(hi), Math.max(Math.ceil(lo), Math.round(raw)))
    : Math.round(raw * 10) / 10;
  return { value: Math.min(hi, Math.max(lo, value)), uln };
}

function eligibilityFor(
  rng: Rng,
  def: TrialDefinition,
  inclusionDate: IsoDate,
  age: number,
): EligibilityRecord {
  const answers: Record<string, boolean> = {};
  const measures: EligibilityRecord['measures'] = {};
  for (const c of def.eligibility.inclusion) {
    if (c.kind === 'confirm') answers[c.id] = true;
    else measures[c.id] = c.id === 'age' ? { value: age, uln: null } : eligibleValue(rng, c);
  }
  for (const c of def.eligibility.exclusion) {
    if (c.kind === 'confirm') answers[c.id] = false;
  }
  const hasLab = [...def.eligibility.inclusion].some((c) => c.kind === 'measure' && c.lab);
  return {
    answers,
    measures,
    labDate: hasLab ? addDays(inclusionDate, -rng.int(0, def.eligibility.labWindowDays)) : null,
  };
}

function generateParticipant(
  rng: Rng,
  def: TrialDefinition,
  asOf: IsoDate,
  centre: string,
  seq: number,
  inclusionDate: IsoDate,
): GeneratedParticipant {
  const ageCriterion = def.eligibility.inclusion.find((c) => c.id === 'age');
  const age =
    ageCriterion?.kind === 'measure' ? eligibleValue(rng, ageCriterion).value : Math.round(rng.normal(63, 9));
  const eligibility = eligibilityFor(rng, def, inclusionDate, age);
  const consentDate = addDays(inclusionDate, -rng.int(0, 10));
  const surgery = addDays(inclusionDate, rng.int(3, 21));
  const surgeryDate = surgery <= asOf ? surgery : null;
  // About 1 in 25 has no pump: an intraoperative finding, or a catheter that could not be placed.
  const pumpDate = surgeryDate !== null && !rng.chance(0.04) ? surgeryDate : null;
  const timeZero = def.schedule.timeZero === 'inclusion' ? inclusionDate : surgeryDate;
  const base = {
    centre,
    seq,
    studyId: formatStudyId(def.studyIdPrefix, centre, seq),
    inclusionDate,
    consentDate,
    ageAtInclusion: age,
    sex: rng.chance(0.38) ? ('female' as const) : ('male' as const),
    eligibility,
    surgeryDate,
    pumpDate,
    timeZero,
  };
  if (timeZero === null) return { ...base, cycles: [], assessments: [], events: [], offStudy: null };
  return { ...base, ...followParticipant(rng, def, asOf, timeZero, surgeryDate, pumpDate) };
}

const days = (months: number) => Math.round(months * DAYS_PER_MONTH);

function followParticipant(
  rng: Rng,
  def: TrialDefinition,
  asOf: IsoDate,
  timeZero: IsoDate,
  surgeryDate: IsoDate | null,
  pumpDate: IsoDate | null,
) {
  const hepatic = addDays(timeZero, days(rng.exponential(HAZARD.hepatic)));
  const extrahepatic = addDays(timeZero, days(rng.exponential(HAZARD.extrahepatic)));
  const firstRecurrence = minDate(hepatic, extrahepatic);
  const baseDeath = addDays(timeZero, days(rng.exponential(HAZARD.death)));
  const death = minDate(
    baseDeath,
    addDays(firstRecurrence, days(rng.exponential(HAZARD.deathAfterRecurrence))),
  );
  const withdrawal = addDays(timeZero, days(rng.exponential(HAZARD.withdrawal)));
  const lost = addDays(timeZero, days(rng.exponential(HAZARD.lost)));
  const off = [
    { date: death, reason: 'died' as const },
    { date: withdrawal, reason: 'withdrawn' as const },
    { date: lost, reason: 'lost_to_follow_up' as const },
  ].sort((a, b) => (a.date < b.date ? -1 : 1))[0]!;
  const offStudy = off.date <= asOf ? off : null;
  const lastDay = minDate(asOf, offStudy?.date ?? asOf);

  const assessments: GeneratedAssessment[] = [];
  const events: GeneratedEvent[] = [];
  let seenHepatic = false;
  let seenExtra = false;
  for (const slot of scheduleAssessments(def.schedule, timeZero)) {
    if (slot.windowStart > lastDay || (offStudy && slot.dueDate > offStudy.date)) break;
    const late = rng.chance(0.05);
    const performed = late
      ? addDays(slot.windowEnd, rng.int(3, 25))
      : addDays(slot.dueDate, Math.max(-20, Math.min(20, Math.round(rng.normal(0, 8)))));
    if (slot.windowEnd < lastDay && rng.chance(0.03)) {
      assessments.push({
        month: slot.month,
        status: 'missed',
        performedDate: null,
        cea: null,
        imaging: null,
        missedReason: rng.pick([
          'Patient did not attend',
          'Scan not scheduled in time',
          'Patient admitted elsewhere',
        ]),
      });
      continue;
    }
    // A few past assessments stay unrecorded (overdue), and those not yet performed stay open.
    if (performed > lastDay || (slot.windowEnd < asOf && rng.chance(0.015))) continue;
    const h = hepatic <= performed;
    const e = extrahepatic <= performed;
    const imaging: ImagingResult = h && e ? 'both' : h ? 'hepatic' : e ? 'extrahepatic' : 'no_recurrence';
    const cea = Math.round(Math.max(0.5, rng.normal(h || e ? 14 : 2.8, h || e ? 8 : 1.1)) * 10) / 10;
    assessments.push({
      month: slot.month,
      status: 'done',
      performedDate: performed,
      cea,
      imaging,
      missedReason: null,
    });
    const newH = h && !seenHepatic;
    const newE = e && !seenExtra;
    if (newH || newE)
      events.push({
        type: 'recurrence',
        date: performed,
        recurrenceSite: newH && newE ? 'both' : newH ? 'hepatic' : 'extrahepatic',
      });
    seenHepatic ||= h;
    seenExtra ||= e;
  }
  if (offStudy?.reason === 'died')
    events.push({
      type: 'death',
      date: offStudy.date,
      deathCause:
        seenHepatic || seenExtra
          ? 'Progressive disease'
          : rng.pick(['Cardiovascular', 'Pneumonia', 'Other cause']),
    });
  if (offStudy?.reason === 'withdrawn')
    events.push({
      type: 'withdrawal',
      date: offStudy.date,
      reason: rng.pick(['Patient request', 'Moved abroad']),
    });
  if (offStudy?.reason === 'lost_to_follow_up')
    events.push({
      type: 'lost_to_follow_up',
      date: offStudy.date,
      reason: 'No contact after repeated attempts',
    });

  const firstDetected =
    events.find((e) => e.type === 'recurrence' && e.recurrenceSite !== 'extrahepatic')?.date ?? null;
  const cyclesUntil = minDate(lastDay, firstDetected ?? lastDay);
  const drawn =
    pumpDate && def.treatment
      ? generateCycles(rng, def, pumpDate, cyclesUntil).map((c) =>
          c.emptyDate && c.emptyDate > lastDay ? notEmptied(c) : c,
        )
      : [];
  const complications = generateComplications(rng, surgeryDate, pumpDate, drawn, lastDay);
  const cycles = adjustForPumpComplication(drawn, complications, cyclesUntil, lastDay);
  // A toxicity follows an infusion: none is kept where treatment ended before any was given.
  events.push(
    ...complications.filter(
      (e) =>
        e.complication?.category !== 'toxicity' ||
        cycles.some((c) => c.doseMg !== null && c.cycleDate < e.date),
    ),
  );
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { assessments, events, cycles, offStudy };
}

function generateCycles(
  rng: Rng,
  def: TrialDefinition,
  pumpDate: IsoDate,
  lastDay: IsoDate,
): GeneratedCycle[] {
  const plan = def.treatment!;
  const cycles: GeneratedCycle[] = [];
  const weight = Math.max(45, rng.normal(68, 9));
  const fullDose = Math.round(plan.doseMgPerKgPerDay * weight * plan.infusionDays * 10) / 10;
  // About one in six stops early, at a random later cycle.
  const stopAt = rng.chance(0.16) ? rng.int(2, plan.cycleCount) : null;
  let date = addDays(
    pumpDate,
    rng.int(
      plan.firstCycleAfterDays[0],
      Math.min(plan.firstCycleAfterDays[1], plan.firstCycleAfterDays[0] + 35),
    ),
  );
  let reduced: boolean = false;
  for (let cycle = 1; cycle <= plan.cycleCount; cycle += 1) {
    if (date > lastDay) break;
    if (cycle === stopAt) {
      cycles.push({
        cycle,
        cycleDate: date,
        emptyDate: null,
        flowRateMlDay: null,
        returnedVolumeMl: null,
        doseMg: null,
        modification: 'stopped',
        reason: rng.pick(['Biliary toxicity', 'Patient decision', 'Pump malfunction', 'Raised bilirubin']),
      });
      break;
    }
    if (cycle > 1 && rng.chance(0.05)) {
      cycles.push({
        cycle,
        cycleDate: date,
        emptyDate: null,
        flowRateMlDay: null,
        returnedVolumeMl: null,
        doseMg: null,
        modification: 'skipped',
        reason: 'Raised liver enzymes',
      });
      date = addDays(date, plan.cycleLengthDays);
      continue;
    }
    const delayed = cycle > 1 && rng.chance(0.08);
    const reduceNow: boolean = !reduced && cycle > 2 && rng.chance(0.18);
    reduced ||= reduceNow;
    if (delayed) date = addDays(date, rng.int(5, 10));
    const flow = Math.round(rng.normal(1.6, 0.12) * 100) / 100;
    const modification: CycleModification = reduceNow ? 'reduced' : delayed ? 'delayed' : 'none';
    cycles.push({
      cycle,
      cycleDate: date,
      emptyDate: addDays(date, plan.emptyDay - 1 + rng.int(-2, 2)),
      flowRateMlDay: flow,
      returnedVolumeMl: Math.round(Math.max(0, 30 - flow * plan.infusionDays + rng.normal(0, 0.8)) * 10) / 10,
      doseMg: reduced
        ? Math.round(fullDose * (reduceNow || rng.chance(0.5) ? 0.5 : 0.75) * 10) / 10
        : fullDose,
      modification,
      reason: reduceNow
        ? rng.pick(['ALAT > 3 × ULN', 'Alkaline phosphatase rise', 'Bilirubin rise'])
        : delayed
          ? rng.pick(['Patient holiday', 'Pump clinic capacity'])
          : null,
    });
    date = addDays(date, plan.cycleLengthDays);
  }
  return cycles;
}

const SURGICAL: readonly (readonly [string, number])[] = [
  ['I', 30],
  ['II', 35],
  ['IIIa', 20],
  ['IIIb', 9],
  ['IVa', 6],
];

function generateComplications(
  rng: Rng,
  surgeryDate: IsoDate | null,
  pumpDate: IsoDate | null,
  cycles: readonly GeneratedCycle[],
  lastDay: IsoDate,
): GeneratedEvent[] {
  const out: GeneratedEvent[] = [];
  const add = (onset: IsoDate, c: NonNullable<GeneratedEvent['complication']>) => {
    if (onset <= lastDay)
      out.push({
        type: 'complication',
        date: onset,
        complication: {
          ...c,
          resolutionDate: c.resolutionDate && c.resolutionDate <= lastDay ? c.resolutionDate : null,
        },
      });
  };
  if (surgeryDate && rng.chance(0.3)) {
    const onset = addDays(surgeryDate, rng.int(1, 30));
    add(onset, {
      term: rng.pick([
        'Bile leak',
        'Intra-abdominal abscess',
        'Wound infection',
        'Pneumonia',
        'Post-hepatectomy liver failure',
      ]),
      category: 'surgical',
      scale: 'clavien_dindo',
      grade: rng.weighted(SURGICAL),
      haipRelated: false,
      resolutionDate: addDays(onset, rng.int(5, 40)),
    });
  }
  if (pumpDate && rng.chance(0.1)) {
    const onset = addDays(pumpDate, rng.int(5, 300));
    add(onset, {
      term: rng.pick([
        'Pump pocket infection',
        'Catheter dislodgement',
        'Hepatic artery thrombosis',
        'Extrahepatic perfusion',
      ]),
      category: 'pump',
      scale: 'clavien_dindo',
      grade: rng.pick(['II', 'IIIa', 'IIIb']),
      haipRelated: true,
      resolutionDate: addDays(onset, rng.int(7, 60)),
    });
  }
  const given = cycles.filter((c) => c.doseMg !== null);
  if (given.length > 0 && rng.chance(0.3)) {
    const onset = addDays(rng.pick(given).cycleDate, rng.int(7, 20));
    const tox = rng.weighted([
      [{ term: 'Raised liver enzymes', grade: rng.pick(['1', '2', '3']) }, 70],
      [{ term: 'Biliary sclerosis', grade: '3' }, 10],
      [{ term: 'Gastroduodenal ulcer', grade: '2' }, 10],
      [{ term: 'Hyperbilirubinaemia', grade: rng.pick(['2', '3']) }, 10],
    ] as const);
    add(onset, {
      term: tox.term,
      category: 'toxicity',
      scale: 'ctcae',
      grade: tox.grade,
      haipRelated: true,
      resolutionDate: tox.term === 'Biliary sclerosis' ? null : addDays(onset, rng.int(14, 60)),
    });
  }
  return out;
}

const FAILED_REASONS: readonly (readonly [string[], number])[] = [
  [['extrahepaticDisease'], 30],
  [['twoStageResection'], 15],
  [['ecog'], 12],
  [['platelets'], 8],
  [['catheterFeasible'], 12],
  [['earlySameSiteRecurrence'], 10],
  [['secondPrimary'], 5],
  [['egfr'], 8],
];

function generateScreenings(
  rng: Rng,
  def: TrialDefinition,
  participants: readonly GeneratedParticipant[],
  ratio: number,
  until: IsoDate,
): GeneratedScreening[] {
  const known = new Set([...def.eligibility.inclusion, ...def.eligibility.exclusion].map((c) => c.id));
  const reasons = FAILED_REASONS.filter(([ids]) => ids.every((id) => known.has(id)));
  const rows: Omit<GeneratedScreening, 'number'>[] = participants.map((p) => ({
    centre: p.centre,
    date: p.consentDate < p.inclusionDate ? p.consentDate : p.inclusionDate,
    outcome: 'included',
    failedCriteria: [],
    reason: null,
    studyId: p.studyId,
  }));
  const failures = Math.round(participants.length * ratio);
  const first = participants[0]?.inclusionDate ?? def.recruitment.plannedStart;
  for (let i = 0; i < failures; i += 1) {
    const p = rng.pick(participants);
    const date = addDays(first, rng.int(0, Math.max(0, diffDays(first, until))));
    const outcome = rng.weighted([
      ['not_eligible', 65],
      ['declined', 25],
      ['other', 10],
    ] as const);
    rows.push({
      centre: p.centre,
      date,
      outcome,
      failedCriteria: outcome === 'not_eligible' && reasons.length > 0 ? rng.weighted(reasons) : [],
      reason:
        outcome === 'declined'
          ? 'Declined participation'
          : outcome === 'other'
            ? rng.pick(['Surgery not feasible after MDT review', 'Enrolled in another trial'])
            : null,
      studyId: null,
    });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const seqs = new Map<string, number>();
  return rows.map((r) => {
    const seq = (seqs.get(r.centre) ?? 0) + 1;
    seqs.set(r.centre, seq);
    return { ...r, number: `SCR-${r.centre}-${String(seq).padStart(3, '0')}` };
  });
}

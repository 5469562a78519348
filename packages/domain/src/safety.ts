// Safety for the committee: complications by category and grade, the headline rate of Clavien–Dindo
// grade III or higher within 90 days of pump placement with its exact 95% interval, 90-day mortality
// after surgery beside it, and how the treatment was delivered. Aggregates only: no study IDs leave this
// module.
//
// A death within the 90-day window is Clavien–Dindo grade V by definition (Dindo et al., Ann Surg 2004:
// "death of a patient"), whether or not a complication was recorded for it: a participant who died of
// pneumonia 33 days after pump placement is in the headline rate. A death closes the window: the
// participant's 90 days are fully observed, so they are in the denominator even before day 90.
import { addDays } from './dates.js';
import type { DatasetParticipant, TrialDataset } from './endpoints-dataset.js';
import { clopperPearson, type Proportion } from './safety-binomial.js';
import type { TrialDefinition } from './trial-definition.js';
import { cyclesGiven, treatmentDeliveryCounts } from './treatment-delivery.js';

export const clavienDindoGrades = ['I', 'II', 'IIIa', 'IIIb', 'IVa', 'IVb', 'V'] as const;
export const ctcaeGrades = ['1', '2', '3', '4', '5'] as const;
const MAJOR: ReadonlySet<string> = new Set(['III', 'IIIa', 'IIIb', 'IV', 'IVa', 'IVb', 'V']);

/** Whether a Clavien–Dindo grade is III or higher (a complication needing intervention, or worse). */
export function isMajorClavienDindo(grade: string): boolean {
  return MAJOR.has(grade);
}

export const HEADLINE_WINDOW_DAYS = 90;

export interface ComplicationCell {
  category: string;
  scale: 'clavien_dindo' | 'ctcae';
  grade: string;
  complications: number;
  participants: number;
}

export interface SafetySummary {
  asOf: string;
  participants: number;
  complications: {
    total: number;
    participantsWithAny: number;
    cells: ComplicationCell[];
    byTerm: { term: string; category: string; count: number }[];
  };
  headline: Proportion & {
    windowDays: number;
    /** Pumps placed fewer than 90 days before the as-of date (and alive): not in the denominator yet. */
    incompleteWindow: number;
    /** Participants counted for a death in the window without a recorded grade III+ complication. */
    deathsAsGradeV: number;
  };
  /** Deaths within 90 days of surgery among operated participants, with the exact 95% interval. */
  mortality: Proportion & {
    windowDays: number;
    /** Operated fewer than 90 days before the as-of date and alive: not in the denominator yet. */
    incompleteWindow: number;
  };
  delivery: {
    cycleCount: number;
    withPump: number;
    /** Participants with a pump who reached cycle N (treatment-delivery.ts); the same count as CONSORT's. */
    reachedFinalCycle: number;
    /** Participants with a pump who received all N cycles, none skipped or stopped. */
    receivedAllCycles: number;
    /** Participants with a pump by number of cycles with drug given (0…cycleCount). */
    cyclesGiven: { cycles: number; participants: number }[];
    modifications: {
      modification: 'reduced' | 'delayed' | 'skipped' | 'stopped';
      cycles: number;
      participants: number;
    }[];
    reasons: { modification: string; reason: string; count: number }[];
  };
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const i of items) {
    const k = key(i);
    const list = m.get(k) ?? [];
    list.push(i);
    m.set(k, list);
  }
  return m;
}

function gradeOrder(scale: string, grade: string): number {
  const list: readonly string[] = scale === 'ctcae' ? ctcaeGrades : clavienDindoGrades;
  const i = list.indexOf(grade);
  return i < 0 ? 99 : i;
}

/** The date of death, if the participant died on or after `from` and at most `days` days later. */
export function deathWithin(p: DatasetParticipant, from: string, days: number): string | null {
  const end = addDays(from, days);
  const death = p.events.find((e) => e.type === 'death' && e.date >= from && e.date <= end);
  return death?.date ?? null;
}

/** Whether a Clavien–Dindo ≥ III complication was recorded within the window after pump placement. */
function recordedMajorWithin(p: DatasetParticipant, windowDays: number): boolean {
  if (p.pumpDate === null) return false;
  const end = addDays(p.pumpDate, windowDays);
  const pump = p.pumpDate;
  return p.events.some(
    (e) =>
      e.type === 'complication' &&
      e.complication?.scale === 'clavien_dindo' &&
      isMajorClavienDindo(e.complication.grade) &&
      e.date >= pump &&
      e.date <= end,
  );
}

/**
 * Whether a participant had a Clavien–Dindo ≥ III complication within the window after pump placement:
 * a recorded one, or death in the window (grade V).
 */
export function majorWithinWindow(p: DatasetParticipant, windowDays = HEADLINE_WINDOW_DAYS): boolean {
  if (p.pumpDate === null) return false;
  return recordedMajorWithin(p, windowDays) || deathWithin(p, p.pumpDate, windowDays) !== null;
}

/** Whether a window of `days` from `from` is fully observed by `asOf`: it has ended, or death ended it. */
function windowObserved(p: DatasetParticipant, from: string, days: number, asOf: string): boolean {
  if (addDays(from, days) <= asOf) return true;
  const died = deathWithin(p, from, days);
  return died !== null && died <= asOf;
}

export function safetySummary(def: TrialDefinition, data: TrialDataset): SafetySummary {
  const ps = data.participants;
  const complications = ps.flatMap((p) =>
    p.events.flatMap((e) => (e.type === 'complication' && e.complication ? [{ p, c: e.complication }] : [])),
  );
  const cells: ComplicationCell[] = [];
  for (const [key, list] of countBy(complications, (x) =>
    JSON.stringify([x.c.category, x.c.scale, x.c.grade]),
  )) {
    const [category = '', scale = 'clavien_dindo', grade = ''] = JSON.parse(key) as string[];
    cells.push({
      category,
      scale: scale === 'ctcae' ? 'ctcae' : 'clavien_dindo',
      grade,
      complications: list.length,
      participants: new Set(list.map((x) => x.p.studyId)).size,
    });
  }
  const categories = ['surgical', 'pump', 'toxicity', 'other'];
  cells.sort(
    (a, b) =>
      categories.indexOf(a.category) - categories.indexOf(b.category) ||
      (a.scale < b.scale ? -1 : a.scale > b.scale ? 1 : 0) ||
      gradeOrder(a.scale, a.grade) - gradeOrder(b.scale, b.grade),
  );
  const byTerm = [...countBy(complications, (x) => JSON.stringify([x.c.category, x.c.term])).entries()]
    .map(([k, list]) => {
      const [category = '', term = ''] = JSON.parse(k) as string[];
      return { term, category, count: list.length };
    })
    .sort((a, b) => b.count - a.count || (a.term < b.term ? -1 : 1));

  // Headline: pumps with the full 90-day window observed by the as-of date (or ended by death before it).
  const W = HEADLINE_WINDOW_DAYS;
  const pumps = ps.filter((p) => p.pumpDate !== null && p.pumpDate <= data.asOf);
  const complete = pumps.filter((p) => p.pumpDate !== null && windowObserved(p, p.pumpDate, W, data.asOf));
  const major = complete.filter((p) => majorWithinWindow(p));
  const deathsAsGradeV = major.filter((p) => !recordedMajorWithin(p, W)).length;
  // Mortality: operated participants, 90 days from surgery.
  const operated = ps.filter((p) => p.surgeryDate !== null && p.surgeryDate <= data.asOf);
  const observed = operated.filter(
    (p) => p.surgeryDate !== null && windowObserved(p, p.surgeryDate, W, data.asOf),
  );
  const died = observed.filter((p) => p.surgeryDate !== null && deathWithin(p, p.surgeryDate, W) !== null);

  const cycleCount = def.treatment?.cycleCount ?? 0;
  const withPump = ps.filter((p) => p.pumpDate !== null);
  const givenCount = (p: DatasetParticipant) => cyclesGiven(p.cycles);
  const counts = treatmentDeliveryCounts(withPump, cycleCount);
  const dist = new Map<number, number>();
  for (const p of withPump) dist.set(givenCount(p), (dist.get(givenCount(p)) ?? 0) + 1);
  const maxGiven = Math.max(cycleCount, ...dist.keys());
  const cycles = withPump.flatMap((p) => p.cycles.map((c) => ({ p, c })));
  const mods = (['reduced', 'delayed', 'skipped', 'stopped'] as const).map((m) => {
    const list = cycles.filter((x) => x.c.modification === m);
    return { modification: m, cycles: list.length, participants: new Set(list.map((x) => x.p.studyId)).size };
  });
  const reasons = [
    ...countBy(
      cycles.filter((x) => x.c.modification !== 'none'),
      (x) => JSON.stringify([x.c.modification, x.c.reason ?? 'unspecified']),
    ).entries(),
  ]
    .map(([k, list]) => {
      const [modification = '', reason = ''] = JSON.parse(k) as string[];
      return { modification, reason, count: list.length };
    })
    .sort((a, b) =>
      a.modification < b.modification ? -1 : a.modification > b.modification ? 1 : b.count - a.count,
    );

  return {
    asOf: data.asOf,
    participants: ps.length,
    complications: {
      total: complications.length,
      participantsWithAny: new Set(complications.map((x) => x.p.studyId)).size,
      cells,
      byTerm,
    },
    headline: {
      ...clopperPearson(major.length, complete.length),
      windowDays: W,
      incompleteWindow: pumps.length - complete.length,
      deathsAsGradeV,
    },
    mortality: {
      ...clopperPearson(died.length, observed.length),
      windowDays: W,
      incompleteWindow: operated.length - observed.length,
    },
    delivery: {
      cycleCount,
      withPump: withPump.length,
      reachedFinalCycle: counts.reachedFinalCycle,
      receivedAllCycles: counts.receivedAllCycles,
      cyclesGiven: Array.from({ length: maxGiven + 1 }, (_, cyclesN) => ({
        cycles: cyclesN,
        participants: dist.get(cyclesN) ?? 0,
      })),
      modifications: mods,
      reasons,
    },
  };
}

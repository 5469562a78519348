// What a clinician does with pump treatment after a pump or hepatic artery complication serious enough
// for a re-intervention (Clavien–Dindo ≥ IIIa): no infusion for at least PUMP_COMPLICATION_PAUSE_DAYS,
// the next cycle delayed, the later ones at a reduced dose; a hepatic artery thrombosis or a grade ≥ IIIb
// complication ends pump treatment at the next visit.
// Applied after the random draws, so the demo's other stories (and its quoted figures) stay as they were.
import { addDays, diffDays, maxDate, type IsoDate } from '@trialdesk/domain';
import type { GeneratedCycle, GeneratedEvent } from './generate-cohort.js';

export const PUMP_COMPLICATION_PAUSE_DAYS = 28;

const RE_INTERVENTION = new Set(['IIIa', 'IIIb', 'IVa', 'IVb', 'V']);
const ENDS_TREATMENT = new Set(['IIIb', 'IVa', 'IVb', 'V']);

/** Whether a complication of the pump or hepatic artery needed a re-intervention (grade ≥ IIIa). */
export function isSeriousPumpComplication(e: GeneratedEvent): boolean {
  return e.complication?.category === 'pump' && RE_INTERVENTION.has(e.complication.grade);
}

/**
 * The cycles as given after the first serious pump complication, dropping those that would fall after
 * `cyclesUntil` and clearing an emptying after `recordsUntil` (not yet done on the as-of date).
 */
export function adjustForPumpComplication(
  cycles: readonly GeneratedCycle[],
  events: readonly GeneratedEvent[],
  cyclesUntil: IsoDate,
  recordsUntil: IsoDate,
): GeneratedCycle[] {
  const serious = events
    .filter(isSeriousPumpComplication)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))[0];
  const first = serious ? cycles.findIndex((c) => c.cycleDate >= serious.date) : -1;
  if (!serious || first < 0) return [...cycles];
  const c = serious.complication!;
  const before = cycles.slice(0, first);
  const next = cycles[first]!;
  if (
    next.modification === 'stopped' ||
    c.term === 'Hepatic artery thrombosis' ||
    ENDS_TREATMENT.has(c.grade)
  ) {
    const visit = maxDate(next.cycleDate, addDays(serious.date, 1));
    return [
      ...before,
      {
        ...stopped(next, `${c.term} (CD ${c.grade}): pump treatment ended`),
        cycleDate: visit,
      },
    ].filter((x) => x.cycleDate <= cyclesUntil);
  }
  const restart = maxDate(next.cycleDate, addDays(serious.date, PUMP_COMPLICATION_PAUSE_DAYS));
  const shift = diffDays(next.cycleDate, restart);
  const after = cycles.slice(first).map((x, i): GeneratedCycle => {
    const moved = {
      ...x,
      cycleDate: addDays(x.cycleDate, shift),
      emptyDate: x.emptyDate && addDays(x.emptyDate, shift),
    };
    if (x.modification === 'stopped' || x.modification === 'skipped') return moved;
    if (i === 0 && shift > 0)
      return { ...moved, modification: 'delayed', reason: `Paused after ${c.term} (CD ${c.grade})` };
    // A later cycle already delayed or reduced keeps its own reason; one as planned is given at a reduced dose.
    if (x.modification !== 'none') return moved;
    return {
      ...moved,
      modification: 'reduced',
      doseMg: x.doseMg === null ? null : Math.round(x.doseMg * 0.75 * 10) / 10,
      reason: `Dose reduced after ${c.term} (CD ${c.grade})`,
    };
  });
  return [...before, ...after]
    .filter((x) => x.cycleDate <= cyclesUntil)
    .map((x) => (x.emptyDate && x.emptyDate > recordsUntil ? notEmptied(x) : x));
}

function stopped(c: GeneratedCycle, reason: string): GeneratedCycle {
  return {
    ...c,
    emptyDate: null,
    flowRateMlDay: null,
    returnedVolumeMl: null,
    doseMg: null,
    modification: 'stopped',
    reason,
  };
}

/** A pump filled but not yet emptied on the as-of date (or at death): no emptying, flow or volume yet. */
export function notEmptied(c: GeneratedCycle): GeneratedCycle {
  return { ...c, emptyDate: null, flowRateMlDay: null, returnedVolumeMl: null };
}

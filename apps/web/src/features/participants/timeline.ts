// One participant's dated records in date order, for the timeline. Pure: the page renders the result.
import type { ParticipantDetail, Voided } from './types';

export type TimelineEntry =
  | { kind: 'consent' | 'inclusion' | 'pump'; date: string; voided: Voided }
  /** `pumpNotPlacedReason`: why the operation ended without a pump, when it did. */
  | { kind: 'surgery'; date: string; voided: Voided; pumpNotPlacedReason: string | null }
  | {
      kind: 'cycle';
      date: string;
      cycle: number;
      modification: ParticipantDetail['cycles'][number]['modification'];
      reason: string | null;
      /** Given outside the window it was due in: a protocol deviation, stored with the cycle. */
      outOfWindow: boolean;
      voided: Voided;
    }
  | {
      kind: 'assessment';
      date: string;
      month: number;
      status: 'done' | 'missed';
      outOfWindow: boolean;
      voided: Voided;
    }
  | { kind: 'event'; date: string; event: ParticipantDetail['events'][number]; voided: Voided };

/** Order of kinds on the same day: the order things happen in a trial. */
const kindRank: Record<TimelineEntry['kind'], number> = {
  consent: 0,
  inclusion: 1,
  surgery: 2,
  pump: 3,
  cycle: 4,
  assessment: 5,
  event: 6,
};

export function buildTimeline(detail: ParticipantDetail): TimelineEntry[] {
  const p = detail.participant;
  const dueByMonth = new Map(detail.slots.map((s) => [s.month, s.dueDate]));
  const entries: TimelineEntry[] = [
    { kind: 'consent', date: p.consentDate, voided: null },
    { kind: 'inclusion', date: p.inclusionDate, voided: p.voided },
  ];
  if (p.surgeryDate)
    entries.push({
      kind: 'surgery',
      date: p.surgeryDate,
      voided: null,
      pumpNotPlacedReason: p.pumpNotPlacedReason,
    });
  if (p.pumpDate) entries.push({ kind: 'pump', date: p.pumpDate, voided: null });
  for (const c of detail.cycles)
    entries.push({
      kind: 'cycle',
      date: c.cycleDate,
      cycle: c.cycle,
      modification: c.modification,
      reason: c.modificationReason,
      outOfWindow: c.timing?.outOfWindow ?? false,
      voided: c.voided,
    });
  for (const a of detail.assessments) {
    // A missed assessment has no date of its own; it sits at the date it was due.
    const date = a.performedDate ?? dueByMonth.get(a.month);
    if (date)
      entries.push({
        kind: 'assessment',
        date,
        month: a.month,
        status: a.status,
        outOfWindow: a.outOfWindow,
        voided: a.voided,
      });
  }
  for (const e of detail.events) entries.push({ kind: 'event', date: e.date, event: e, voided: e.voided });
  return entries.sort((a, b) => a.date.localeCompare(b.date) || kindRank[a.kind] - kindRank[b.kind]);
}

interface CycleRow {
  cycle: number;
  plannedDate: string | null;
  given: ParticipantDetail['cycles'];
}

/** Planned cycles next to the cycles given (current and voided records), by cycle number. */
export function cycleRows(detail: ParticipantDetail): CycleRow[] {
  const numbers = new Set([
    ...detail.plannedCycles.map((c) => c.cycle),
    ...detail.cycles.map((c) => c.cycle),
  ]);
  return [...numbers]
    .sort((a, b) => a - b)
    .map((cycle) => ({
      cycle,
      plannedDate: detail.plannedCycles.find((c) => c.cycle === cycle)?.plannedDate ?? null,
      given: detail.cycles.filter((c) => c.cycle === cycle),
    }));
}

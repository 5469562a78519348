// The CONSORT flow of a single-arm trial, counted from the participant-level dataset. Every box is a
// partition of the box above it, so the numbers add up by construction; consort.test.ts and the
// integration tests check the partitions against counts made independently from the data.
//
// Definitions (stated on the page):
// - screened = every screening log entry, plus included participants without one (entered directly);
// - operated = surgery date recorded; with pump = pump placement date recorded;
// - started HAIP = at least one cycle with drug given (not skipped, not stopped before any drug);
// - reached cycle N / received all N cycles: as defined once in treatment-delivery.ts (cycle N given;
//   every cycle 1…N given);
// - follow-up status at the as-of date: off study before the end of follow-up (died, withdrawn, lost),
//   completed follow-up, in follow-up, or not started (no time zero yet);
// - analysed per endpoint = participants with a time zero on or before the as-of date.
import { diffDays } from './dates.js';
import type { DatasetParticipant, TrialDataset } from './endpoints-dataset.js';
import { deriveEndpoints } from './endpoints.js';
import type { EndpointKind, TrialDefinition } from './trial-definition.js';
import { cyclesGiven, reachedFinalCycle, treatmentDeliveryCounts } from './treatment-delivery.js';

export interface CountWithReasons {
  count: number;
  reasons: { reason: string; count: number }[];
}

export interface ConsortFlow {
  asOf: string;
  screening: {
    screened: number;
    notEligible: number;
    /** A candidate can fail several criteria, so these may add up to more than notEligible. */
    notEligibleReasons: { criterion: string; count: number }[];
    declined: number;
    other: CountWithReasons;
    included: number;
    /** Included participants who have no screening log entry (counted in screened). */
    includedWithoutScreening: number;
  };
  treatment: {
    included: number;
    notOperated: number;
    operated: number;
    operatedWithoutPump: number;
    withoutPumpReasons: { reason: string; count: number }[];
    withPump: number;
    notStarted: number;
    startedHaip: number;
    /** Started HAIP and reached cycle N (the plan's last cycle was given). */
    reachedFinalCycle: number;
    /** Of those, received every cycle 1…N (none skipped). */
    receivedAllCycles: number;
    stopped: CountWithReasons;
    /** Fewer cycles than planned without a stop record: still on treatment or ended otherwise. */
    onTreatment: number;
    endedEarly: number;
    cycleCount: number;
  };
  followUp: {
    included: number;
    notStarted: number;
    inFollowUp: number;
    completed: number;
    died: number;
    withdrawn: number;
    lostToFollowUp: number;
  };
  analysis: {
    kind: EndpointKind;
    included: number;
    analysed: number;
    excluded: number;
    events: number;
    censored: number;
  }[];
}

function tally(values: readonly string[]): { reason: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return [...m.entries()]
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || (a.reason < b.reason ? -1 : 1));
}

type TreatmentState = 'reached_final_cycle' | 'stopped' | 'on_treatment' | 'ended_early';

/** Where a participant who started HAIP stands in the planned cycles on the as-of date. */
export function treatmentState(
  p: DatasetParticipant,
  cycleCount: number,
  cycleLengthDays: number,
  asOf: string,
): TreatmentState {
  if (p.cycles.some((c) => c.modification === 'stopped')) return 'stopped';
  if (reachedFinalCycle(p.cycles, cycleCount)) return 'reached_final_cycle';
  const last = p.cycles.reduce((m, c) => Math.max(m, c.cycle), 0);
  // Every planned cycle is recorded but the last was skipped: treatment is over without reaching it.
  if (last >= cycleCount) return 'ended_early';
  const lastDate = p.cycles.reduce((m, c) => (c.date > m ? c.date : m), '');
  // Still on treatment while the next cycle is at most two cycle lengths away and the participant is on study.
  const recent = lastDate !== '' && diffDays(lastDate, asOf) <= 2 * cycleLengthDays;
  return recent && p.offStudy === null ? 'on_treatment' : 'ended_early';
}

export function consortFlow(def: TrialDefinition, data: TrialDataset): ConsortFlow {
  const ps = data.participants;
  const byOutcome = (o: string) => data.screenings.filter((s) => s.outcome === o);
  const notEligible = byOutcome('not_eligible');
  const other = byOutcome('other');
  const screenedIds = new Set(data.screenings.flatMap((s) => (s.studyId ? [s.studyId] : [])));
  const includedWithoutScreening = ps.filter((p) => !screenedIds.has(p.studyId)).length;
  // A screening marked "included" whose participant is not in the data (voided, or included after the
  // as-of date) is counted under "other", so that the screening boxes still partition the log.
  const ids = new Set(ps.map((p) => p.studyId));
  const orphanIncluded = byOutcome('included').filter((s) => !s.studyId || !ids.has(s.studyId));
  const criterionIds = notEligible.flatMap((s) =>
    s.failedCriteria.length ? s.failedCriteria : ['unspecified'],
  );

  const operated = ps.filter((p) => p.surgeryDate !== null);
  const withPump = operated.filter((p) => p.pumpDate !== null);
  const cycleCount = def.treatment?.cycleCount ?? 0;
  const cycleLength = def.treatment?.cycleLengthDays ?? 28;
  const started = withPump.filter((p) => cyclesGiven(p.cycles) > 0);
  const states = started.map((p) => ({ p, state: treatmentState(p, cycleCount, cycleLength, data.asOf) }));
  const stopped = states.filter((s) => s.state === 'stopped');
  const delivery = treatmentDeliveryCounts(started, cycleCount);

  const offEarly = (p: DatasetParticipant) =>
    p.offStudy !== null && (p.followUpEnd === null || p.offStudy.date < p.followUpEnd);
  const withTz = ps.filter((p) => p.timeZero !== null && p.timeZero <= data.asOf);
  const died = withTz.filter((p) => offEarly(p) && p.offStudy?.reason === 'died').length;
  const withdrawn = withTz.filter((p) => offEarly(p) && p.offStudy?.reason === 'withdrawn').length;
  const lost = withTz.filter((p) => offEarly(p) && p.offStudy?.reason === 'lost_to_follow_up').length;
  const onStudy = withTz.filter((p) => !offEarly(p));
  const completed = onStudy.filter((p) => p.followUpEnd !== null && p.followUpEnd <= data.asOf).length;

  const endpoints = deriveEndpoints(def, data);
  return {
    asOf: data.asOf,
    screening: {
      screened: data.screenings.length + includedWithoutScreening,
      notEligible: notEligible.length,
      notEligibleReasons: tally(criterionIds).map((r) => ({ criterion: r.reason, count: r.count })),
      declined: byOutcome('declined').length,
      other: {
        count: other.length + orphanIncluded.length,
        reasons: tally([
          ...other.map((s) => s.reason ?? 'unspecified'),
          ...orphanIncluded.map(() => 'included_record_missing'),
        ]),
      },
      included: ps.length,
      includedWithoutScreening,
    },
    treatment: {
      included: ps.length,
      notOperated: ps.length - operated.length,
      operated: operated.length,
      operatedWithoutPump: operated.length - withPump.length,
      withoutPumpReasons: tally(
        operated.filter((p) => p.pumpDate === null).map((p) => p.pumpNotPlacedReason ?? 'unspecified'),
      ),
      withPump: withPump.length,
      notStarted: withPump.length - started.length,
      startedHaip: started.length,
      reachedFinalCycle: delivery.reachedFinalCycle,
      receivedAllCycles: delivery.receivedAllCycles,
      stopped: {
        count: stopped.length,
        reasons: tally(
          stopped.map((s) => s.p.cycles.find((c) => c.modification === 'stopped')?.reason ?? 'unspecified'),
        ),
      },
      onTreatment: states.filter((s) => s.state === 'on_treatment').length,
      endedEarly: states.filter((s) => s.state === 'ended_early').length,
      cycleCount,
    },
    followUp: {
      included: ps.length,
      notStarted: ps.length - withTz.length,
      inFollowUp: onStudy.length - completed,
      completed,
      died,
      withdrawn,
      lostToFollowUp: lost,
    },
    analysis: endpoints.endpoints.map((e) => {
      const values = endpoints.analysed.flatMap((a) => {
        const v = a.values[e.kind];
        return v ? [v] : [];
      });
      const events = values.filter((v) => v.event).length;
      return {
        kind: e.kind,
        included: ps.length,
        analysed: values.length,
        excluded: endpoints.excluded.length,
        events,
        censored: values.length - events,
      };
    }),
  };
}

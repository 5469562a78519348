// The demo tells clinically plausible stories: invariants over the whole generated demo (every built-in
// trial, the demo's fixed seed), at the tests' as-of date and at other days the demo may be seeded on.
import { addDays, builtInTrials, followUpEnd, type IsoDate, type TrialDefinition } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import type { GeneratedParticipant } from './generate-cohort.js';
import { PUMP_COMPLICATION_PAUSE_DAYS } from './pump-complications.js';
import { demoCohort } from './seed-demo.js';

const AS_OF_DATES: IsoDate[] = ['2022-03-15', '2023-06-30', '2026-11-26', '2026-11-29', '2027-08-01'];
const CD_AT_LEAST_IIIA = new Set(['IIIa', 'IIIb', 'IVa', 'IVb', 'V']);

const demos = AS_OF_DATES.flatMap((asOf) =>
  builtInTrials.map((def) => ({ asOf, def, cohort: demoCohort(def, asOf) })),
);

/** Every dated fact of a participant, named for the failure message. */
function datedRecords(p: GeneratedParticipant): [string, IsoDate][] {
  const out: [string, IsoDate | null][] = [
    ['inclusion', p.inclusionDate],
    ['consent', p.consentDate],
    ['surgery', p.surgeryDate],
    ['pump', p.pumpDate],
    ...p.cycles.flatMap((c): [string, IsoDate | null][] => [
      [`cycle ${c.cycle}`, c.cycleDate],
      [`cycle ${c.cycle} emptied`, c.emptyDate],
    ]),
    ...p.assessments.map((a): [string, IsoDate | null] => [`month ${a.month}`, a.performedDate]),
    ...p.events.flatMap((e): [string, IsoDate | null][] => [
      [e.type, e.date],
      [`${e.type} resolved`, e.complication?.resolutionDate ?? null],
    ]),
  ];
  return out.filter((r): r is [string, IsoDate] => r[1] !== null);
}

function violations(
  check: (p: GeneratedParticipant, asOf: IsoDate, def: TrialDefinition) => string[],
): string[] {
  return demos.flatMap(({ asOf, def, cohort }) =>
    cohort.participants.flatMap((p) =>
      check(p, asOf, def).map((v) => `${def.id} @${asOf} ${p.studyId}: ${v}`),
    ),
  );
}

const deathOf = (p: GeneratedParticipant) => p.events.find((e) => e.type === 'death')?.date ?? null;

describe('synthetic demo plausibility', () => {
  it('covers every built-in trial with participants who have treatment and follow-up', () => {
    for (const { cohort } of demos.filter((d) => d.asOf === '2026-11-26')) {
      expect(cohort.participants.length).toBeGreaterThan(30);
      expect(cohort.participants.some((p) => p.cycles.length > 0)).toBe(true);
    }
  });

  it('dates no record after the as-of date (a pump is not emptied in the future)', () => {
    expect(
      violations((p, asOf) =>
        datedRecords(p)
          .filter(([, d]) => d > asOf)
          .map(([n, d]) => `${n} ${d}`),
      ),
    ).toEqual([]);
  });

  it('dates no record after death', () => {
    expect(
      violations((p) => {
        const died = deathOf(p);
        return died
          ? datedRecords(p)
              .filter(([, d]) => d > died)
              .map(([n, d]) => `${n} ${d} after death ${died}`)
          : [];
      }),
    ).toEqual([]);
  });

  it('gives cycles only after pump placement, and none without a pump', () => {
    expect(
      violations((p) =>
        p.cycles
          .filter((c) => p.pumpDate === null || c.cycleDate <= p.pumpDate)
          .map((c) => `cycle ${c.cycle} ${c.cycleDate}, pump ${p.pumpDate}`),
      ),
    ).toEqual([]);
  });

  it(`pauses infusion ${PUMP_COMPLICATION_PAUSE_DAYS} days after a pump or hepatic artery complication of grade ≥ IIIa, and gives no cycle as planned after it`, () => {
    let seen = 0;
    const found = violations((p) => {
      const serious = p.events.filter(
        (e) => e.complication?.category === 'pump' && CD_AT_LEAST_IIIA.has(e.complication.grade),
      );
      seen += serious.length;
      return serious.flatMap((e) =>
        p.cycles
          .filter((c) => c.cycleDate >= e.date)
          .flatMap((c) => [
            ...(c.modification === 'none'
              ? [`cycle ${c.cycle} as planned after ${e.complication!.term} ${e.date}`]
              : []),
            ...(c.cycleDate < addDays(e.date, PUMP_COMPLICATION_PAUSE_DAYS) && c.modification !== 'stopped'
              ? [
                  `cycle ${c.cycle} ${c.cycleDate} started within ${PUMP_COMPLICATION_PAUSE_DAYS} days of ${e.complication!.term} ${e.date}`,
                ]
              : []),
          ]),
      );
    });
    expect(found).toEqual([]);
    expect(seen).toBeGreaterThan(0);
  });

  it('keeps assessments inside follow-up: after time zero, up to going off study and the end of follow-up', () => {
    expect(
      violations((p, _, def) => {
        if (p.timeZero === null) return p.assessments.map((a) => `month ${a.month} without time zero`);
        const end = followUpEnd(p.timeZero, def.followUpMonths);
        return p.assessments
          .filter((a) => a.performedDate !== null)
          .filter(
            (a) =>
              a.performedDate! < p.timeZero! ||
              (p.offStudy !== null && a.performedDate! > p.offStudy.date) ||
              a.performedDate! > addDays(end, 60),
          )
          .map((a) => `month ${a.month} on ${a.performedDate}`);
      }),
    ).toEqual([]);
  });

  it('finds a recurrence before death, and gives a death after recurrence progressive disease as its cause', () => {
    expect(
      violations((p) => {
        const died = deathOf(p);
        const recurrences = p.events.filter((e) => e.type === 'recurrence');
        const out = recurrences
          .filter((r) => died !== null && r.date > died)
          .map((r) => `recurrence ${r.date} after death ${died}`);
        const death = p.events.find((e) => e.type === 'death');
        if (death && recurrences.length > 0 && death.deathCause !== 'Progressive disease')
          out.push(`death after recurrence from ${death.deathCause}`);
        return out;
      }),
    ).toEqual([]);
  });

  it('dates complications after their cause: surgery, the pump, a given cycle; resolutions after onset', () => {
    expect(
      violations((p) =>
        p.events
          .filter((e) => e.complication)
          .flatMap((e) => {
            const c = e.complication!;
            const cause =
              c.category === 'surgical'
                ? p.surgeryDate
                : c.category === 'pump'
                  ? p.pumpDate
                  : (p.cycles.find((x) => x.doseMg !== null)?.cycleDate ?? null);
            const out: string[] = [];
            if (cause === null || e.date <= cause) out.push(`${c.term} ${e.date} before its cause ${cause}`);
            if (c.resolutionDate !== null && c.resolutionDate < e.date)
              out.push(`${c.term} resolved before onset`);
            return out;
          }),
      ),
    ).toEqual([]);
  });
});

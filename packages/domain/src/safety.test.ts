// Safety aggregates on hand-built participants; the exact interval against R's binom.test
// (safety-binomial.reference.R printed the reference rows below).
import { describe, expect, it } from 'vitest';
import { complication, cycle, event, participant } from './endpoints-fixtures.js';
import { binomialCdf, clopperPearson } from './safety-binomial.js';
import { isMajorClavienDindo, safetySummary } from './safety.js';
import { builtInTrial } from './trials/index.js';

const R_BINOM_TEST: [number, number, number, number][] = [
  [0, 40, 0, 0.0880973028788024],
  [3, 40, 0.0157421798510415, 0.203864748732899],
  [7, 45, 0.0649092120083776, 0.294551601098053],
  [45, 45, 0.921294899593157, 1],
  [1, 1, 0.025, 1],
  [5, 10, 0.187086028447399, 0.812913971552601],
  [12, 300, 0.0208365763064137, 0.0688289881894961],
  [3, 5, 0.146632799634673, 0.947255049473683],
  [3, 6, 0.118117248757025, 0.881882751242975],
];

describe('Clopper–Pearson', () => {
  it.each(R_BINOM_TEST)('%i of %i agrees with R binom.test to 1e-9', (x, n, lower, upper) => {
    const ci = clopperPearson(x, n);
    expect(ci.estimate).toBeCloseTo(x / n, 12);
    expect(Math.abs((ci.lower ?? NaN) - lower)).toBeLessThan(1e-9);
    expect(Math.abs((ci.upper ?? NaN) - upper)).toBeLessThan(1e-9);
  });

  it('has no interval for an empty denominator and refuses impossible counts', () => {
    expect(clopperPearson(0, 0)).toMatchObject({ estimate: null, lower: null, upper: null });
    expect(() => clopperPearson(3, 2)).toThrow(RangeError);
  });

  it('sums the binomial distribution correctly', () => {
    // P(X <= 1) for n = 3, p = 1/2 is (1 + 3) / 8.
    expect(binomialCdf(1, 3, 0.5)).toBeCloseTo(0.5, 14);
  });
});

describe('safety summary', () => {
  const def = builtInTrial('pump-iii');
  const base = { format: 1 as const, trialId: def.id, asOf: '2022-12-31', synthetic: true, screenings: [] };

  it('counts Clavien–Dindo III or higher within 90 days of pump placement, among complete windows', () => {
    const participants = [
      // IIIa on day 30: counts.
      participant({
        studyId: 'A',
        events: [complication('2022-01-31', 'surgical', 'clavien_dindo', 'IIIa')],
      }),
      // IIIb on day 91 (2022-04-02): outside the window.
      participant({ studyId: 'B', events: [complication('2022-04-02', 'pump', 'clavien_dindo', 'IIIb')] }),
      // Grade II on day 10: not major.
      participant({ studyId: 'C', events: [complication('2022-01-11', 'surgical', 'clavien_dindo', 'II')] }),
      // CTCAE grade 3 toxicity is not a Clavien–Dindo grade.
      participant({ studyId: 'D', events: [complication('2022-02-01', 'toxicity', 'ctcae', '3')] }),
      // Day 90 exactly (2022-04-01) counts; two complications, one participant.
      participant({
        studyId: 'E',
        events: [
          complication('2022-04-01', 'pump', 'clavien_dindo', 'IVa'),
          complication('2022-01-05', 'surgical', 'clavien_dindo', 'IIIa'),
        ],
      }),
      // No pump: not in the denominator.
      participant({ studyId: 'F', pumpDate: null }),
      // Pump placed 2022-11-01, fewer than 90 days before the as-of date: not yet in the denominator.
      participant({
        studyId: 'G',
        pumpDate: '2022-11-01',
        surgeryDate: '2022-11-01',
        timeZero: '2022-11-01',
      }),
    ];
    const s = safetySummary(def, { ...base, participants });
    expect(s.headline).toMatchObject({ count: 2, total: 5, incompleteWindow: 1, windowDays: 90 });
    expect(s.headline.estimate).toBeCloseTo(0.4, 12);
    expect(s.complications.total).toBe(6);
    expect(s.complications.participantsWithAny).toBe(5);
    const cell = (cat: string, grade: string) =>
      s.complications.cells.find((c) => c.category === cat && c.grade === grade);
    expect(cell('surgical', 'IIIa')).toMatchObject({ complications: 2, participants: 2 });
    expect(cell('toxicity', '3')).toMatchObject({ scale: 'ctcae', complications: 1 });
    expect(s.complications.cells.map((c) => `${c.category}:${c.grade}`)).toEqual([
      'surgical:II',
      'surgical:IIIa',
      'pump:IIIb',
      'pump:IVa',
      'toxicity:3',
    ]);
  });

  it('counts a death within 90 days as grade V, and shows 90-day mortality with its exact interval', () => {
    const death = (date: string) => event('death', date);
    const participants = [
      // Died of pneumonia 33 days after pump placement, no complication recorded: grade V.
      participant({
        studyId: 'A',
        events: [death('2022-02-03')],
        offStudy: { date: '2022-02-03', reason: 'died' },
      }),
      // IIIa on day 30, alive.
      participant({
        studyId: 'B',
        events: [complication('2022-01-31', 'surgical', 'clavien_dindo', 'IIIa')],
      }),
      // Nothing.
      participant({ studyId: 'C' }),
      // Died on day 120: outside both windows.
      participant({
        studyId: 'D',
        events: [death('2022-05-01')],
        offStudy: { date: '2022-05-01', reason: 'died' },
      }),
      // Pump 2022-11-01, alive: window not yet observed.
      participant({
        studyId: 'E',
        surgeryDate: '2022-11-01',
        pumpDate: '2022-11-01',
        timeZero: '2022-11-01',
      }),
      // Pump 2022-11-01, died 2022-11-20: the death closes the window, so it counts before day 90.
      participant({
        studyId: 'F',
        surgeryDate: '2022-11-01',
        pumpDate: '2022-11-01',
        timeZero: '2022-11-01',
        events: [death('2022-11-20')],
        offStudy: { date: '2022-11-20', reason: 'died' },
      }),
      // Operated without a pump, died on day 10: in mortality, not in the pump rate.
      participant({
        studyId: 'G',
        pumpDate: null,
        events: [death('2022-01-11')],
        offStudy: { date: '2022-01-11', reason: 'died' },
      }),
    ];
    const s = safetySummary(def, { ...base, participants });
    // A, B, F of the five complete windows (A, B, C, D, F); A and F by death alone.
    expect(s.headline).toMatchObject({ count: 3, total: 5, incompleteWindow: 1, deathsAsGradeV: 2 });
    // A, F, G died within 90 days of surgery, of six operated with the window observed (not E).
    expect(s.mortality).toMatchObject({ count: 3, total: 6, incompleteWindow: 1, windowDays: 90 });
    expect(s.mortality.estimate).toBeCloseTo(0.5, 12);
    // Exact limits against R's binom.test (the rows above).
    expect(Math.abs((s.headline.lower ?? NaN) - 0.146632799634673)).toBeLessThan(1e-9);
    expect(Math.abs((s.mortality.upper ?? NaN) - 0.881882751242975)).toBeLessThan(1e-9);
  });

  it('recognises Clavien–Dindo grades III and above', () => {
    expect(['I', 'II'].map(isMajorClavienDindo)).toEqual([false, false]);
    expect(['III', 'IIIa', 'IIIb', 'IVa', 'IVb', 'V'].every(isMajorClavienDindo)).toBe(true);
  });

  it('describes treatment delivery: cycles given, modifications and their reasons', () => {
    const six = [1, 2, 3, 4, 5, 6].map((n) => cycle(n, `2022-0${n + 1}-01`));
    const participants = [
      participant({ studyId: 'A', cycles: six }),
      participant({
        studyId: 'B',
        cycles: [
          cycle(1, '2022-02-01'),
          cycle(2, '2022-03-01', 'reduced', 'ALAT > 3 × ULN'),
          cycle(3, '2022-04-01', 'skipped', 'Raised liver enzymes'),
          cycle(4, '2022-05-01', 'stopped', 'Biliary toxicity'),
        ],
      }),
      participant({ studyId: 'C', cycles: [] }),
      participant({ studyId: 'D', pumpDate: null }),
    ];
    const s = safetySummary(def, { ...base, participants });
    expect(s.delivery.withPump).toBe(3);
    expect(s.delivery.cyclesGiven).toEqual([
      { cycles: 0, participants: 1 },
      { cycles: 1, participants: 0 },
      { cycles: 2, participants: 1 },
      { cycles: 3, participants: 0 },
      { cycles: 4, participants: 0 },
      { cycles: 5, participants: 0 },
      { cycles: 6, participants: 1 },
    ]);
    expect(s.delivery.modifications).toEqual([
      { modification: 'reduced', cycles: 1, participants: 1 },
      { modification: 'delayed', cycles: 0, participants: 0 },
      { modification: 'skipped', cycles: 1, participants: 1 },
      { modification: 'stopped', cycles: 1, participants: 1 },
    ]);
    expect(s.delivery.reasons).toContainEqual({
      modification: 'stopped',
      reason: 'Biliary toxicity',
      count: 1,
    });
  });
});

// Every PUMP-III threshold exactly at its limit and just past it on both sides, and ARTERY-2's thresholds
// of the other direction. Expected outcomes are read off PROTOCOL.md (PUMP-III) and the ARTERY-2
// definition text, not from the implementation.
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type EligibilityInput } from './eligibility.js';
import { builtInTrial } from './trials/index.js';

const pump = builtInTrial('pump-iii');
const artery = builtInTrial('artery-2');

/** A PUMP-III candidate who meets everything comfortably; ULNs: bilirubin 17, ASAT 35, ALAT 45, ALP 120. */
function pumpCandidate(): EligibilityInput {
  return {
    answers: {
      recurrentResectableCrlm: true,
      histologyProven: true,
      liverOnlyRecurrence: true,
      recurrenceConfirmedResectable: true,
      catheterFeasible: true,
      informedConsent: true,
      extrahepaticDisease: false,
      secondPrimary: false,
      twoStageResection: false,
      earlySameSiteRecurrence: false,
      dpdDeficiency: false,
      pregnantOrLactating: false,
      psychiatricHistory: false,
      seriousSystemicDisease: false,
      organTransplant: false,
      nonHealingWounds: false,
      chronicCorticosteroids: false,
      seriousInfection: false,
      otherSurvivalTrial: false,
      complianceBarrier: false,
    },
    measures: {
      age: { value: 64 },
      ecog: { value: 0 },
      anc: { value: 4.2 },
      platelets: { value: 230 },
      hb: { value: 8.1 },
      bilirubin: { value: 9, uln: 17 },
      asat: { value: 30, uln: 35 },
      alat: { value: 28, uln: 45 },
      alp: { value: 100, uln: 120 },
      egfr: { value: 85 },
    },
    labDate: '2022-03-01',
    consentDate: '2022-03-05',
    inclusionDate: '2022-03-10',
  };
}

function arteryCandidate(): EligibilityInput {
  return {
    answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
    measures: {
      age: { value: 55 },
      ecog: { value: 1 },
      anc: { value: 3 },
      platelets: { value: 200 },
      bilirubin: { value: 10, uln: 17 },
      egfr: { value: 70 },
    },
    labDate: '2026-11-01',
    consentDate: '2026-11-20',
    inclusionDate: '2026-11-25',
  };
}

function withMeasure(base: EligibilityInput, id: string, value: number, uln?: number): EligibilityInput {
  return { ...base, measures: { ...base.measures, [id]: { value, uln: uln ?? base.measures[id]?.uln } } };
}

function failedIds(def: typeof pump, input: EligibilityInput): string[] {
  const r = evaluateEligibility(def, input);
  expect(r.inputErrors).toEqual([]);
  return r.failures.map((f) => f.criterionId);
}

describe('PUMP-III baseline', () => {
  it('accepts a candidate who meets every criterion', () => {
    const r = evaluateEligibility(pump, pumpCandidate());
    expect(r).toMatchObject({ status: 'eligible', eligible: true, failures: [], inputErrors: [] });
    expect(r.criteria.anc).toBe('met');
    expect(r.criteria.labDate).toBe('met');
    expect(r.criteria.consentDate).toBe('met');
  });
});

// [criterion, ULN or undefined, value, eligible?] — limits from PROTOCOL.md, eligibility section 8.
const pumpBoundaries: [string, number | undefined, number, boolean][] = [
  // ANC ≥ 1.5 ×10⁹/L
  ['anc', undefined, 1.49, false],
  ['anc', undefined, 1.5, true],
  ['anc', undefined, 1.51, true],
  // platelets ≥ 100 ×10⁹/L
  ['platelets', undefined, 99, false],
  ['platelets', undefined, 99.9, false],
  ['platelets', undefined, 100, true],
  ['platelets', undefined, 101, true],
  // Hb ≥ 5.5 mmol/L
  ['hb', undefined, 5.4, false],
  ['hb', undefined, 5.5, true],
  ['hb', undefined, 5.6, true],
  // total bilirubin ≤ 1.5 × ULN; ULN 17 µmol/L → limit 25.5
  ['bilirubin', 17, 25.4, true],
  ['bilirubin', 17, 25.5, true],
  ['bilirubin', 17, 25.6, false],
  // ULN 1.2 (mg/dL): limit 1.8, which is 1.7999999999999998 in floating point — 1.8 is at the limit.
  ['bilirubin', 1.2, 1.79, true],
  ['bilirubin', 1.2, 1.8, true],
  ['bilirubin', 1.2, 1.81, false],
  // ASAT ≤ 5 × ULN; ULN 35 U/L → 175
  ['asat', 35, 174.9, true],
  ['asat', 35, 175, true],
  ['asat', 35, 175.1, false],
  // ALAT ≤ 5 × ULN; ULN 45 U/L → 225
  ['alat', 45, 224, true],
  ['alat', 45, 225, true],
  ['alat', 45, 226, false],
  // alkaline phosphatase ≤ 5 × ULN; ULN 120 U/L → 600
  ['alp', 120, 599, true],
  ['alp', 120, 600, true],
  ['alp', 120, 601, false],
  // eGFR > 30 mL/min (exclusive)
  ['egfr', undefined, 29.9, false],
  ['egfr', undefined, 30, false],
  ['egfr', undefined, 30.1, true],
  // age > 18 years (exclusive, whole years)
  ['age', undefined, 17, false],
  ['age', undefined, 18, false],
  ['age', undefined, 19, true],
  // ECOG 0 or 1
  ['ecog', undefined, 0, true],
  ['ecog', undefined, 1, true],
  ['ecog', undefined, 2, false],
];

describe('PUMP-III thresholds, at and either side of each limit', () => {
  it.each(pumpBoundaries)('%s (ULN %s) = %s → eligible %s', (id, uln, value, eligible) => {
    const ids = failedIds(pump, withMeasure(pumpCandidate(), id, value, uln));
    expect(ids).toEqual(eligible ? [] : [id]);
  });

  it('scales a relative threshold by the ULN entered with the value', () => {
    // 30 µmol/L fails with ULN 17 (limit 25.5) and passes with ULN 21 (limit 31.5).
    expect(failedIds(pump, withMeasure(pumpCandidate(), 'bilirubin', 30, 17))).toEqual(['bilirubin']);
    expect(failedIds(pump, withMeasure(pumpCandidate(), 'bilirubin', 30, 21))).toEqual([]);
  });
});

describe('PUMP-III dates', () => {
  const at = (labDate: string, consentDate = '2022-03-05') => ({
    ...pumpCandidate(),
    labDate,
    consentDate,
    inclusionDate: '2022-03-10',
  });
  it('accepts laboratory values 15 days before inclusion and refuses 16', () => {
    expect(failedIds(pump, at('2022-02-23'))).toEqual([]); // 15 days before 10 March
    expect(failedIds(pump, at('2022-02-22'))).toEqual(['labDate']); // 16 days
  });
  it('accepts laboratory values of the inclusion day and refuses a date after it', () => {
    expect(failedIds(pump, at('2022-03-10'))).toEqual([]);
    expect(failedIds(pump, at('2022-03-11'))).toEqual(['labDate']);
  });
  it('accepts consent on the inclusion date and refuses consent a day after', () => {
    expect(failedIds(pump, at('2022-03-01', '2022-03-10'))).toEqual([]);
    expect(failedIds(pump, at('2022-03-01', '2022-03-11'))).toEqual(['consentDate']);
  });
  it('counts across a month end and a leap day', () => {
    // 2024-03-01 minus 15 days is 2024-02-15 (February 2024 has 29 days).
    const leap = { ...pumpCandidate(), consentDate: '2024-03-01', inclusionDate: '2024-03-01' };
    expect(failedIds(pump, { ...leap, labDate: '2024-02-15' })).toEqual([]);
    expect(failedIds(pump, { ...leap, labDate: '2024-02-14' })).toEqual(['labDate']);
  });
});

describe('PUMP-III checklist and all failures at once', () => {
  it('requires inclusion items answered yes and exclusion items answered no', () => {
    const c = pumpCandidate();
    const input = {
      ...c,
      answers: { ...c.answers, catheterFeasible: false, dpdDeficiency: true },
    };
    expect(failedIds(pump, input)).toEqual(['catheterFeasible', 'dpdDeficiency']);
    const r = evaluateEligibility(pump, input);
    expect(r.failures.map((f) => f.group)).toEqual(['inclusion', 'exclusion']);
    expect(r.failures[1]?.message.en).toBe('Exclusion criterion present: Known DPD (DPYD) deficiency');
    expect(r.failures[1]?.message.nl).toBe('Exclusiecriterium aanwezig: Bekende DPD (DPYD) deficiëntie');
    // A failed yes/no inclusion item reads as what was wrong, not as the requirement.
    expect(r.failures[0]?.message.en).toBe('HAIP catheter placement not technically feasible');
  });

  it('lists every failing criterion, not only the first', () => {
    let input = pumpCandidate();
    input = withMeasure(input, 'anc', 1.4);
    input = withMeasure(input, 'egfr', 30);
    input = withMeasure(input, 'alp', 700, 120);
    input = { ...input, answers: { ...input.answers, pregnantOrLactating: true } };
    input = { ...input, labDate: '2022-02-01', consentDate: '2022-03-12' };
    const r = evaluateEligibility(pump, input);
    expect(r.status).toBe('not_eligible');
    expect(r.failures.map((f) => f.criterionId).sort()).toEqual(
      ['anc', 'alp', 'egfr', 'pregnantOrLactating', 'labDate', 'consentDate'].sort(),
    );
    const anc = r.failures.find((f) => f.criterionId === 'anc');
    expect(anc).toMatchObject({
      field: 'measures.anc.value',
      message: {
        en: 'ANC < 1.5 ×10⁹/L (entered 1.4 ×10⁹/L)',
        nl: 'ANC < 1,5 ×10⁹/L (ingevuld 1,4 ×10⁹/L)',
      },
    });
    const alp = r.failures.find((f) => f.criterionId === 'alp');
    expect(alp?.message.en).toBe('Alkaline phosphatase > 5 × ULN (entered 700 U/L (ULN 120, limit 600))');
    expect(r.failures.find((f) => f.criterionId === 'labDate')?.message.en).toBe(
      'Laboratory values must be taken at most 15 days before inclusion (these are 37 days old)',
    );
  });
});

describe('plausibility: out of physical range is an input error, not ineligibility', () => {
  it('flags an impossible platelet count and a negative ANC as input errors', () => {
    let input = withMeasure(pumpCandidate(), 'platelets', 2001);
    input = withMeasure(input, 'anc', -1);
    const r = evaluateEligibility(pump, input);
    expect(r.status).toBe('incomplete');
    expect(r.eligible).toBe(false);
    expect(r.failures).toEqual([]);
    expect(r.inputErrors.map((e) => e.field).sort()).toEqual([
      'measures.anc.value',
      'measures.platelets.value',
    ]);
    expect(r.criteria.platelets).toBe('invalid');
    expect(r.inputErrors.find((e) => e.criterionId === 'platelets')?.message.en).toBe(
      'Outside the possible range 0–2000 ×10⁹/L: check the value',
    );
  });

  it('treats ECOG 6 and a fractional age or ECOG as input errors', () => {
    for (const [id, v] of [
      ['ecog', 6],
      ['ecog', 0.5],
      ['age', 40.5],
    ] as const) {
      const r = evaluateEligibility(pump, withMeasure(pumpCandidate(), id, v));
      expect(r.status).toBe('incomplete');
      expect(r.inputErrors.map((e) => e.field)).toEqual([`measures.${id}.value`]);
    }
  });

  it('accepts the plausible range ends (platelets 2000 is possible, just ineligible elsewhere)', () => {
    expect(failedIds(pump, withMeasure(pumpCandidate(), 'platelets', 2000))).toEqual([]);
    expect(failedIds(pump, withMeasure(pumpCandidate(), 'anc', 0))).toEqual(['anc']);
  });

  it('asks for the ULN of a relative threshold, and refuses a ULN of 0', () => {
    const c = pumpCandidate();
    const missing = evaluateEligibility(pump, { ...c, measures: { ...c.measures, asat: { value: 30 } } });
    expect(missing.inputErrors.map((e) => e.field)).toEqual(['measures.asat.uln']);
    expect(missing.criteria.asat).toBe('missing');
    const zero = evaluateEligibility(pump, withMeasure(c, 'asat', 30, 0));
    expect(zero.inputErrors.map((e) => e.field)).toEqual(['measures.asat.uln']);
  });

  it('reports unanswered items, missing values and dates as incomplete', () => {
    const c = pumpCandidate();
    const { catheterFeasible: _omit, ...answers } = c.answers;
    const { hb: _hb, ...measures } = c.measures;
    const r = evaluateEligibility(pump, {
      ...c,
      answers,
      measures,
      labDate: null,
      consentDate: '2022-02-30',
    });
    expect(r.status).toBe('incomplete');
    expect(r.inputErrors.map((e) => e.field).sort()).toEqual(
      ['answers.catheterFeasible', 'measures.hb.value', 'labDate', 'consentDate'].sort(),
    );
  });

  it('refuses items the protocol does not have', () => {
    const c = pumpCandidate();
    const r = evaluateEligibility(pump, {
      ...c,
      answers: { ...c.answers, madeUp: true, anc: true },
      measures: { ...c.measures, weight: { value: 70 } },
    });
    expect(r.inputErrors.map((e) => e.field).sort()).toEqual([
      'answers.anc',
      'answers.madeUp',
      'measures.weight',
    ]);
  });
});

describe('ARTERY-2: thresholds of the other direction', () => {
  const cases: [string, number | undefined, number, boolean][] = [
    // age ≥ 18 (inclusive)
    ['age', undefined, 17, false],
    ['age', undefined, 18, true],
    ['age', undefined, 19, true],
    // total bilirubin < 2 × ULN (exclusive); ULN 17 → limit 34
    ['bilirubin', 17, 33.9, true],
    ['bilirubin', 17, 34, false],
    ['bilirubin', 17, 34.1, false],
    // ECOG 0–2
    ['ecog', undefined, 2, true],
    ['ecog', undefined, 3, false],
    // platelets ≥ 75, eGFR ≥ 45 (inclusive)
    ['platelets', undefined, 74, false],
    ['platelets', undefined, 75, true],
    ['egfr', undefined, 44.9, false],
    ['egfr', undefined, 45, true],
  ];
  it.each(cases)('%s (ULN %s) = %s → eligible %s', (id, uln, value, eligible) => {
    expect(failedIds(artery, withMeasure(arteryCandidate(), id, value, uln))).toEqual(eligible ? [] : [id]);
  });

  it('uses its own 28-day laboratory window', () => {
    const c = { ...arteryCandidate(), consentDate: '2026-11-25' };
    expect(failedIds(artery, { ...c, labDate: '2026-10-28' })).toEqual([]); // 28 days
    expect(failedIds(artery, { ...c, labDate: '2026-10-27' })).toEqual(['labDate']); // 29 days
  });
});

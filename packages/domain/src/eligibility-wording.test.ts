// Failed criteria read as what was wrong. Every built-in criterion is checked by hand, and for every measure
// the derived wording is checked to hold for exactly the values that fail the criterion.
import { describe, expect, it } from 'vitest';
import { withinBounds } from './eligibility.js';
import { failureWordings } from './eligibility-wording.js';
import { builtInTrial } from './trials/index.js';
import type { MeasureCriterion } from './trial-definition.js';

const pump = builtInTrial('pump-iii');
const artery = builtInTrial('artery-2');

describe('failure wording', () => {
  it('words a failed PUMP-III measure as the value that was wrong', () => {
    const w = failureWordings(pump);
    expect(w.platelets).toEqual({ en: 'Platelets < 100 ×10⁹/L', nl: 'Trombocyten < 100 ×10⁹/L' });
    expect(w.anc).toEqual({ en: 'ANC < 1.5 ×10⁹/L', nl: 'ANC < 1,5 ×10⁹/L' });
    expect(w.age?.en).toBe('Age ≤ 18 years');
    expect(w.ecog?.en).toBe('ECOG performance status ≥ 2');
    expect(w.bilirubin).toEqual({ en: 'Total bilirubin > 1.5 × ULN', nl: 'Totaal bilirubine > 1,5 × ULN' });
    expect(w.egfr?.en).toBe('eGFR ≤ 30 mL/min');
    expect(w.hb?.nl).toBe('Hb < 5,5 mmol/L');
  });

  it('words a failed yes/no inclusion criterion as its absence, and an exclusion as itself', () => {
    const w = failureWordings(pump);
    expect(w.informedConsent).toEqual({
      en: 'No written informed consent',
      nl: 'Geen schriftelijke informed consent',
    });
    expect(w.pregnantOrLactating).toEqual({ en: 'Pregnant or lactating', nl: 'Zwanger of lacterend' });
    expect(w.secondPrimary?.en).toBe('Second primary malignancy');
    expect(w.labDate?.en).toBe('Laboratory values older than 15 days or taken after inclusion');
    expect(w.consentDate?.nl).toBe('Informed consent gedateerd na inclusie');
  });

  it('never prints an inclusion requirement as a reason, in either trial or language', () => {
    for (const def of [pump, artery]) {
      const w = failureWordings(def);
      for (const c of def.eligibility.inclusion)
        for (const lang of ['en', 'nl'] as const) {
          expect(w[c.id]?.[lang]).toBeTruthy();
          expect(w[c.id]?.[lang]).not.toBe(c.text[lang]);
          // Derived wording never starts with the generic fallback for the built-in trials.
          expect(w[c.id]?.[lang]).not.toMatch(/^(Not met|Niet voldaan)/);
        }
      expect(Object.keys(w).sort()).toEqual(
        [...def.eligibility.inclusion, ...def.eligibility.exclusion]
          .map((c) => c.id)
          .concat(['labDate', 'consentDate'])
          .sort(),
      );
    }
  });

  it('states a comparison that holds for exactly the failing values of every measure', () => {
    const ops: Record<string, (a: number, b: number) => boolean> = {
      '<': (a, b) => a < b,
      '≤': (a, b) => a <= b,
      '>': (a, b) => a > b,
      '≥': (a, b) => a >= b,
    };
    for (const def of [pump, artery]) {
      const w = failureWordings(def);
      const measures = def.eligibility.inclusion.filter((c): c is MeasureCriterion => c.kind === 'measure');
      for (const c of measures) {
        const m = /^(.+) ([<≤>≥]) ([\d.]+)(?: × ULN| .+)?$/.exec(w[c.id]?.en ?? '');
        expect(m, `${c.id}: ${w[c.id]?.en}`).not.toBeNull();
        const [, , op = '', limit = ''] = m ?? [];
        const uln = c.relativeToUln ? 20 : null;
        const scale = uln ?? 1;
        const step = c.integer ? 1 : (c.plausible.max - c.plausible.min) / 2000;
        for (let v = c.plausible.min; v <= c.plausible.max; v += step) {
          const value = Number(v.toPrecision(10));
          const fails = !withinBounds(c, value, uln);
          expect(ops[op]?.(value, Number(limit) * scale), `${c.id} at ${value}`).toBe(fails);
        }
      }
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseTrialDefinition, pumpIII } from '../index.js';
import { isRelated, isSusar, reportSaeInput, summariseDeviations } from './index.js';

describe('SUSAR: serious, related to an intervention, unexpected for it', () => {
  it('needs both a relation and unexpectedness on the same intervention', () => {
    expect(isSusar([{ intervention: 'floxuridine', causality: 'possible', expected: false }])).toBe(true);
    expect(isSusar([{ intervention: 'floxuridine', causality: 'probable', expected: true }])).toBe(false);
    expect(isSusar([{ intervention: 'floxuridine', causality: 'unlikely', expected: null }])).toBe(false);
    expect(
      isSusar([
        { intervention: 'floxuridine', causality: 'definite', expected: true },
        { intervention: 'pump', causality: 'not_related', expected: null },
      ]),
    ).toBe(false);
  });
  it('counts possible, probable and definite as related', () => {
    expect(
      ['not_related', 'unlikely', 'possible', 'probable', 'definite'].map((c) => isRelated(c as never)),
    ).toEqual([false, false, true, true, true]);
  });
});

describe('the SAE report input', () => {
  const valid = {
    trialId: 'pump-iii',
    studyId: 'PUMP3-EMC-001',
    eventId: 1,
    criteria: ['hospitalisation'],
    assessments: [{ intervention: 'pump', causality: 'possible', expected: true }],
    awareAt: '2026-11-20T09:15',
    description: 'Pump pocket infection, admitted for antibiotics',
  };
  it('accepts a complete report', () => {
    expect(reportSaeInput.safeParse(valid).success).toBe(true);
  });
  it('wants expectedness for a related event only, criteria once, and an awareness time', () => {
    const issues = (v: object) =>
      reportSaeInput.safeParse({ ...valid, ...v }).error?.issues.map((i) => i.message) ?? [];
    expect(
      issues({ assessments: [{ intervention: 'pump', causality: 'probable', expected: null }] }),
    ).toEqual(['sae.expected.required']);
    expect(
      issues({ assessments: [{ intervention: 'pump', causality: 'unlikely', expected: false }] }),
    ).toEqual(['sae.expected.notRelated']);
    expect(issues({ criteria: ['hospitalisation', 'hospitalisation'] })).toEqual(['sae.criteria.twice']);
    expect(issues({ criteria: [] })).toEqual(['sae.criteria.required']);
    expect(issues({ awareAt: '2026-11-20' })).toEqual(['sae.awareAt.invalid']);
  });
});

describe('trial definitions', () => {
  it('list PUMP-III’s three interventions, each with its reference safety information', () => {
    const def = parseTrialDefinition(pumpIII);
    expect(def.safety.interventions.map((i) => i.id)).toEqual(['floxuridine', 'pump', 'surgery']);
    expect(def.safety.interventions.every((i) => i.referenceSafetyInformation.en.length > 0)).toBe(true);
  });
  it('give a stored definition without a plan the study treatment against the protocol', () => {
    const { safety: _omitted, ...stored } = pumpIII;
    expect(parseTrialDefinition(stored).safety.interventions.map((i) => i.id)).toEqual(['study_treatment']);
  });
});

describe('deviation summary', () => {
  it('counts major and minor per centre and category', () => {
    expect(
      summariseDeviations([
        { centre: 'IJS', category: 'visit_window', severity: 'minor' },
        { centre: 'EMC', category: 'other', severity: 'major' },
        { centre: 'EMC', category: 'visit_window', severity: 'minor' },
        { centre: 'EMC', category: 'visit_window', severity: 'major' },
      ]),
    ).toEqual([
      { centre: 'EMC', category: 'visit_window', major: 1, minor: 1 },
      { centre: 'EMC', category: 'other', major: 1, minor: 0 },
      { centre: 'IJS', category: 'visit_window', major: 0, minor: 1 },
    ]);
  });
});

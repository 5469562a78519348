import { builtInTrial, evaluateEligibility, inclusionInput } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import {
  eligibilityInputOf,
  emptyInclusion,
  inclusionInputOf,
  type InclusionFormValues,
} from './inclusion-form-state';

const artery = builtInTrial('artery-2');

function filled(): InclusionFormValues {
  const v = emptyInclusion('EMC');
  return {
    ...v,
    inclusionDate: '2026-11-25',
    consentDate: '2026-11-20',
    labDate: '2026-11-10',
    sex: 'female',
    answers: { informedConsent: true, pregnantOrLactating: false, extrahepaticDisease: false },
    measures: {
      age: { value: 61, uln: '' },
      ecog: { value: '1', uln: '' },
      anc: { value: '3,1', uln: '' },
      platelets: { value: 210, uln: '' },
      bilirubin: { value: '12', uln: '17' },
      egfr: { value: 74, uln: '' },
    },
  };
}

describe('inclusion form values', () => {
  it('turn into the shared input, with Dutch decimal commas read as numbers', () => {
    const input = inclusionInputOf('artery-2', artery, filled(), false);
    expect(inclusionInput.safeParse(input).success).toBe(true);
    expect(input.measures.anc).toEqual({ value: 3.1, uln: null });
    expect(input.measures.bilirubin).toEqual({ value: 12, uln: 17 });
    expect('centre' in input).toBe(false);
  });

  it('feed the same eligibility rules the server runs', () => {
    expect(evaluateEligibility(artery, eligibilityInputOf(filled())).status).toBe('eligible');
    const v = filled();
    v.measures.bilirubin = { value: '34', uln: '17' }; // ARTERY-2: < 2 × ULN, so 34 fails
    const r = evaluateEligibility(artery, eligibilityInputOf(v));
    expect(r.failures.map((f) => f.criterionId)).toEqual(['bilirubin']);
  });

  it('leave empty fields out, so that they read as missing', () => {
    const v = filled();
    v.measures.egfr = { value: '', uln: '' };
    const r = evaluateEligibility(artery, eligibilityInputOf(v));
    expect(r.status).toBe('incomplete');
    expect(r.criteria.egfr).toBe('missing');
  });
});

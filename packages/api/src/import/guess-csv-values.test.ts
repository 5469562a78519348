import { builtInTrial } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { codesFromValues, criterionFromShorthand } from './guess-csv-values.js';

describe('codes from what a column holds', () => {
  it('maps yes/no in English, Dutch, digits, letters and true/false to the target values', () => {
    const values = ['yes', 'No', 'ja', 'NEE', '1', '0', 'Y', 'n', 'true', 'FALSE', 'J'];
    expect(codesFromValues({ kind: 'boolean' }, values)).toEqual({
      codes: {
        yes: 'true',
        No: 'false',
        ja: 'true',
        NEE: 'false',
        '1': 'true',
        '0': 'false',
        Y: 'true',
        n: 'false',
        true: 'true',
        FALSE: 'false',
        J: 'true',
      },
      unmapped: [],
    });
  });

  it("maps a coded target's own values, other spellings and Dutch words, and lists the rest", () => {
    const sex = { kind: 'code', values: ['female', 'male'] } as const;
    expect(codesFromValues(sex, ['Vrouw', 'Man', 'F', 'M', 'onbekend'])).toEqual({
      codes: { Vrouw: 'female', Man: 'male', F: 'female', M: 'male' },
      unmapped: ['onbekend'],
    });
    const type = {
      kind: 'code',
      values: ['recurrence', 'death', 'complication', 'withdrawal', 'lost_to_follow_up'],
    } as const;
    expect(codesFromValues(type, ['Lost to follow-up', 'Overleden', 'Recidief', 'maybe'])).toEqual({
      codes: { 'Lost to follow-up': 'lost_to_follow_up', Overleden: 'death', Recidief: 'recurrence' },
      unmapped: ['maybe'],
    });
    expect(codesFromValues({ kind: 'boolean' }, ['yes', 'perhaps'])?.unmapped).toEqual(['perhaps']);
  });

  it('gives numbers, dates and text no codes', () => {
    expect(codesFromValues({ kind: 'number', integer: false }, ['1,5'])).toBeNull();
    expect(codesFromValues({ kind: 'date' }, ['14-03-2022'])).toBeNull();
    expect(codesFromValues({ kind: 'text' }, ['yes'])).toBeNull();
  });
});

describe("an eligibility question's shorthand header", () => {
  const pump = builtInTrial('pump-iii');
  const none = new Set<string>();
  const yesNo = ['yes', 'no'];
  it.each([
    ['recurrent_crlm', 'recurrentResectableCrlm'],
    ['liver_only_rec', 'liverOnlyRecurrence'],
    ['rec_confirmed', 'recurrenceConfirmedResectable'],
    ['consent_signed', 'informedConsent'],
    ['ehd', 'extrahepaticDisease'],
    ['dpd_def', 'dpdDeficiency'],
    ['psych_hist', 'psychiatricHistory'],
    ['steroids', 'chronicCorticosteroids'],
    ['Other trial', 'otherSurvivalTrial'],
  ])('%s answers %s', (header, id) => {
    expect(criterionFromShorthand(pump, header, yesNo, none)).toBe(id);
  });

  it('needs values that fit the criterion, a criterion not yet taken, and a header that names one', () => {
    expect(criterionFromShorthand(pump, 'ehd', ['12', '3'], none)).toBeNull();
    expect(criterionFromShorthand(pump, 'ehd', ['maybe', 'perhaps', 'yes'], none)).toBeNull();
    expect(criterionFromShorthand(pump, 'ehd', [], none)).toBeNull();
    expect(criterionFromShorthand(pump, 'ehd', yesNo, new Set(['extrahepaticDisease']))).toBeNull();
    expect(criterionFromShorthand(pump, 'Comments', yesNo, none)).toBeNull();
    expect(criterionFromShorthand(pump, 'Cycle date', yesNo, none)).toBeNull();
  });
});

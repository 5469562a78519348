import { screeningInput } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { checkWith, combine, messageFor, numberOrNull, unplacedMessages } from './field-errors';

describe('entry form errors', () => {
  it('words the shared schema’s issues in the user’s language', () => {
    const values = {
      trialId: 'artery-2',
      screeningDate: '2023-02-30',
      outcome: 'other',
      failedCriteria: [],
      reason: null,
    };
    expect(checkWith(screeningInput, values, 'nl')).toEqual({
      screeningDate: ['Geen geldige datum (JJJJ-MM-DD)'],
      reason: ['Geef de reden'],
    });
    expect(
      checkWith(screeningInput, { ...values, screeningDate: '2026-11-20', reason: 'MDT' }, 'en'),
    ).toEqual({});
  });

  it('gives a field its own and its sub-fields’ messages, and finds those no input shows', () => {
    const errors = { 'pump.date': ['Before surgery'], pump: ['Choose'], _: ['Missing'] };
    expect(messageFor(errors, 'pump')).toBe('Choose Before surgery');
    expect(messageFor(errors, 'surgeryDate')).toBeUndefined();
    expect(unplacedMessages(errors, ['pump', 'surgeryDate'])).toEqual(['Missing']);
  });

  it('prefers the browser’s findings, then the server’s', () => {
    expect(combine({}, { a: ['server'] })).toEqual({ a: ['server'] });
    expect(combine({ b: ['local'] }, { a: ['server'] })).toEqual({ b: ['local'] });
  });

  it('reads typed numbers with a decimal comma or point', () => {
    expect(numberOrNull('')).toBeNull();
    expect(numberOrNull('1,5')).toBe(1.5);
    expect(numberOrNull(2.25)).toBe(2.25);
    expect(numberOrNull('abc')).toBeNull();
  });
});

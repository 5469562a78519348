import { describe, expect, it } from 'vitest';
import { entryMessage } from './messages.js';

describe('entry messages', () => {
  it('write the dates they carry in the language of the message', () => {
    expect(entryMessage('entry.date.future', 'en', { today: '2026-11-26' })).toBe(
      'This date is in the future (today is 26 Nov 2026)',
    );
    expect(entryMessage('entry.date.future', 'nl', { today: '2026-11-26' })).toBe(
      'Deze datum ligt in de toekomst (vandaag is 26 nov 2026)',
    );
  });

  it('count in both languages without "1 criteria"', () => {
    expect(entryMessage('entry.inclusion.notEligible', 'en', { count: 1 })).toBe(
      'Not eligible: 1 criterion is not met',
    );
    expect(entryMessage('entry.inclusion.notEligible', 'en', { count: 3 })).toBe(
      'Not eligible: 3 criteria are not met',
    );
    expect(entryMessage('entry.inclusion.notEligible', 'nl', { count: 1 })).toBe(
      'Niet geschikt: aan 1 criterium is niet voldaan',
    );
    expect(entryMessage('entry.target.belowIncluded', 'nl', { included: 1 })).toBe(
      'Het doel kan niet lager zijn dan de 1 al geïncludeerde deelnemer',
    );
  });
});

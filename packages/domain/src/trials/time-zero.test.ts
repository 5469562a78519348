// Screens label the day a schedule counts from with the protocol's own name for it (issue 10: ARTERY-2's
// header called surgery "time zero" while its schedule runs from inclusion).
import { describe, expect, it } from 'vitest';
import { timeZeroName } from '../trial-definition.js';
import { builtInTrial } from './index.js';

describe('timeZeroName', () => {
  it('names what each built-in trial counts from, in English and Dutch', () => {
    expect(timeZeroName(builtInTrial('artery-2').schedule)).toEqual({ en: 'Inclusion', nl: 'Inclusie' });
    expect(timeZeroName(builtInTrial('pump-iii').schedule)).toEqual({ en: 'Surgery', nl: 'Operatie' });
  });

  it('names the kind for a definition stored before the name existed', () => {
    expect(timeZeroName({ timeZero: 'inclusion' })).toEqual({ en: 'Inclusion', nl: 'Inclusie' });
    expect(timeZeroName({ timeZero: 'surgery' })).toEqual({ en: 'Surgery', nl: 'Operatie' });
  });

  it('uses the name a definition gives', () => {
    const name = { en: 'Randomisation', nl: 'Randomisatie' };
    expect(timeZeroName({ timeZero: 'inclusion', timeZeroName: name })).toBe(name);
  });
});

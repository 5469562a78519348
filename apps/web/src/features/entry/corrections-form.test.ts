import { describe, expect, it } from 'vitest';
import { changesOf, cycleCorrectable, initialValues } from './corrections-form';

const cycle = {
  id: 7,
  cycle: 2,
  cycleDate: '2026-10-01',
  emptyDate: null,
  flowRateMlDay: 1.6,
  returnedVolumeMl: 8.2,
  doseMg: 110.5,
  modification: 'none' as const,
  modificationReason: null,
  voided: null,
};

describe('correction dialog values', () => {
  it('sends only what changed, typed as the API takes it', () => {
    const c = cycleCorrectable(cycle);
    const edited = { ...initialValues(c), doseMg: '98,5', emptyDate: '2026-10-15' };
    expect(changesOf(c, edited)).toEqual({ doseMg: 98.5, emptyDate: '2026-10-15' });
  });

  it('turns an emptied optional field into "none" and leaves untouched ones out', () => {
    const c = cycleCorrectable(cycle);
    expect(changesOf(c, { ...initialValues(c), returnedVolumeMl: '' })).toEqual({ returnedVolumeMl: null });
    expect(changesOf(c, initialValues(c))).toEqual({});
  });

  it('keeps an emptied required date as empty text, which the schema then refuses', () => {
    const c = cycleCorrectable(cycle);
    expect(changesOf(c, { ...initialValues(c), cycleDate: '' })).toEqual({ cycleDate: '' });
  });
});

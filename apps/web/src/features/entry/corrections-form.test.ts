import { describe, expect, it } from 'vitest';
import type { ParticipantDetail } from '../participants/types';
import {
  changesOf,
  cycleCorrectable,
  initialValues,
  participantCorrectable,
  surgeryCorrectable,
} from './corrections-form';

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
  timing: null,
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

describe('the surgery and pump record', () => {
  const detail = {
    participant: {
      studyId: 'ART2-EMC-031',
      inclusionDate: '2026-11-01',
      consentDate: '2026-10-30',
      sex: 'male',
      ageAtInclusion: 67,
      surgeryDate: '2026-11-05',
      pumpDate: '2026-11-05',
      pumpNotPlacedReason: null,
    },
  } as unknown as ParticipantDetail;

  it('is corrected on its own: surgery date, pump date and why no pump, as a participant correction', () => {
    const c = surgeryCorrectable(detail);
    expect(c.target).toEqual({ record: 'participant', studyId: 'ART2-EMC-031' });
    expect(c.fields.map((f) => f.name)).toEqual(['surgeryDate', 'pumpDate', 'pumpNotPlacedReason']);
    const edited = { ...initialValues(c), pumpDate: '', pumpNotPlacedReason: 'Aberrant anatomy' };
    expect(changesOf(c, edited)).toEqual({ pumpDate: null, pumpNotPlacedReason: 'Aberrant anatomy' });
  });

  it('is no longer part of the inclusion data', () => {
    const names = participantCorrectable(detail).fields.map((f) => f.name);
    expect(names).toEqual(['inclusionDate', 'consentDate', 'sex', 'ageAtInclusion']);
  });
});

// The shared entry schemas: what the form and the server refuse, and the words they use in each language.
import { describe, expect, it } from 'vitest';
import { cycleInput } from './treatment.js';
import { eventInput } from './events.js';
import { localizeIssues } from './messages.js';
import { screeningInput } from './screening.js';
import { assessmentInput } from './assessments.js';
import { correctionInput } from './corrections.js';

const ids = { trialId: 'pump-iii', studyId: 'PUMP3-EMC-001' };

function fields(result: { success: boolean; error?: { issues: never[] } | undefined }, lang: 'en' | 'nl') {
  expect(result.success).toBe(false);
  return localizeIssues(result.error?.issues ?? [], lang);
}

describe('dates', () => {
  it('refuses 30 February and a date that is not YYYY-MM-DD, in both languages', () => {
    const r = screeningInput.safeParse({
      trialId: 'pump-iii',
      screeningDate: '2023-02-30',
      outcome: 'declined',
    });
    expect(fields(r as never, 'en')).toEqual({ screeningDate: ['Not a calendar date (YYYY-MM-DD)'] });
    expect(fields(r as never, 'nl')).toEqual({ screeningDate: ['Geen geldige datum (JJJJ-MM-DD)'] });
    const r2 = screeningInput.safeParse({
      trialId: 'pump-iii',
      screeningDate: '26/11/2026',
      outcome: 'declined',
    });
    expect(fields(r2 as never, 'en')).toEqual({ screeningDate: ['Not a calendar date (YYYY-MM-DD)'] });
  });
  it('says "required" for a missing date', () => {
    const r = screeningInput.safeParse({ trialId: 'pump-iii', outcome: 'declined' });
    expect(fields(r as never, 'en')).toEqual({ screeningDate: ['Required'] });
  });
});

describe('screening outcome companions', () => {
  it('needs failing criteria for "not eligible" and a reason for "other"', () => {
    const base = { trialId: 'pump-iii', screeningDate: '2026-11-01' };
    expect(fields(screeningInput.safeParse({ ...base, outcome: 'not_eligible' }) as never, 'en')).toEqual({
      failedCriteria: ['Name at least one failing criterion'],
    });
    expect(fields(screeningInput.safeParse({ ...base, outcome: 'other' }) as never, 'nl')).toEqual({
      reason: ['Geef de reden'],
    });
    expect(
      screeningInput.safeParse({ ...base, outcome: 'not_eligible', failedCriteria: ['ecog'] }).success,
    ).toBe(true);
  });
});

describe('pump visits', () => {
  const cycle = { ...ids, cycle: 2, cycleDate: '2026-10-01', doseMg: 110, modification: 'none' };
  it('accepts a plain given cycle', () => {
    expect(cycleInput.safeParse(cycle).success).toBe(true);
  });
  it('needs a reason for any modification and no dose when skipped', () => {
    expect(fields(cycleInput.safeParse({ ...cycle, modification: 'reduced' }) as never, 'en')).toEqual({
      modificationReason: ['A reduction, delay, skip or stop needs its reason'],
    });
    expect(
      fields(
        cycleInput.safeParse({ ...cycle, modification: 'skipped', modificationReason: 'ALAT' }) as never,
        'en',
      ),
    ).toEqual({ doseMg: ['A skipped or stopped cycle has no dose'] });
  });
  it('refuses values outside the physical range, with the limit in the user’s number format', () => {
    const r = cycleInput.safeParse({
      ...cycle,
      flowRateMlDay: 10.5,
      returnedVolumeMl: -1,
    });
    expect(fields(r as never, 'en')).toEqual({
      flowRateMlDay: ['Must be at most 10'],
      returnedVolumeMl: ['Must be at least 0'],
    });
    const r2 = cycleInput.safeParse({ ...cycle, doseMg: 0 });
    expect(fields(r2 as never, 'nl')).toEqual({ doseMg: ['Moet meer dan 0 zijn'] });
  });
  it('refuses emptying before filling', () => {
    expect(fields(cycleInput.safeParse({ ...cycle, emptyDate: '2026-09-30' }) as never, 'en')).toEqual({
      emptyDate: ['The pump cannot be emptied before it was filled'],
    });
  });
});

describe('events and assessments', () => {
  it('checks a complication grade against its scale and resolution against onset', () => {
    const r = eventInput.safeParse({
      ...ids,
      event: {
        type: 'complication',
        date: '2026-05-10',
        term: 'Bile leak',
        category: 'surgical',
        gradeScale: 'clavien_dindo',
        grade: '3',
        haipRelated: false,
        resolutionDate: '2026-05-01',
      },
    });
    expect(fields(r as never, 'en')).toEqual({
      'event.grade': ['Not a grade of this scale (I, II, IIIa, IIIb, IVa, IVb, V)'],
      'event.resolutionDate': ['The resolution date is before the onset'],
    });
  });
  it('refuses an unknown event type and a CEA out of range', () => {
    expect(
      Object.keys(fields(eventInput.safeParse({ ...ids, event: { type: 'birthday' } }) as never, 'en')),
    ).toEqual(['event.type']);
    const r = assessmentInput.safeParse({
      ...ids,
      month: 3,
      result: { status: 'done', performedDate: '2026-01-01', cea: 1e6, imagingResult: 'hepatic' },
    });
    expect(fields(r as never, 'en')).toEqual({ 'result.cea': ['Must be at most 100000'] });
  });
  it('needs at least one change, unknown fields refused, in a correction', () => {
    const r = correctionInput.safeParse({
      trialId: 'pump-iii',
      reason: 'typo',
      target: { record: 'cycle', id: 1, changes: {} },
    });
    expect(fields(r as never, 'en')).toEqual({ 'target.changes': ['Change at least one value'] });
    const r2 = correctionInput.safeParse({
      trialId: 'pump-iii',
      reason: 'typo',
      target: { record: 'cycle', id: 1, changes: { trialId: 'x' } },
    });
    expect(fields(r2 as never, 'en')['target.changes']).toContain('Unknown field: trialId');
  });
});

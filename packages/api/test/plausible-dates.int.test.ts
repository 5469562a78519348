// Every date a user sends lies in a plausible window: not after today and, for a trial's dates, not before a
// year before its first centre opened (PUMP-III: EMC on 2021-02-01, so 2020-02-01); dates that belong to no
// trial (audit filters) not before 2000-01-01. Year 0000 and 1900 are refused with words, writing nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { earliestClinicalDate, pumpIII } from '@trialdesk/domain';
import { asDutch, fieldsOf, pumpInclusion, rowCounts } from './entry-helpers.js';
import { createHarness, expectCode, type Harness } from './harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
});
afterAll(() => h.close());

const trialId = 'pump-iii';
const TOO_EARLY = /before 1 Feb 2020, the earliest plausible date for this trial/;

async function refusedWritingNothing(call: () => Promise<unknown>) {
  const before = await rowCounts(h.open.db);
  const e = await expectCode(call(), 'BAD_REQUEST');
  expect(await rowCounts(h.open.db)).toEqual(before);
  return fieldsOf(e);
}

describe('the window of a trial', () => {
  it('starts a year before the first centre opened', () => {
    expect(earliestClinicalDate(pumpIII)).toBe('2020-02-01');
  });
});

describe('dates before the window', () => {
  it.each(['0000-01-01', '1900-01-01', '2020-01-31'])('a screening dated %s', async (date) => {
    const coord = await h.as('coord-emc');
    const fields = await refusedWritingNothing(() =>
      coord.entry.screening.record({ trialId, screeningDate: date, outcome: 'declined' }),
    );
    expect(fields['screeningDate']?.[0]).toMatch(TOO_EARLY);
  });

  it('an inclusion with consent in year 0000, in English and Dutch', async () => {
    const coord = await h.as('coord-emc');
    const fields = await refusedWritingNothing(() =>
      coord.entry.inclusion.include(pumpInclusion({ consentDate: '0000-01-01' })),
    );
    expect(fields['consentDate']?.[0]).toMatch(TOO_EARLY);
    const nl = await asDutch(h, 'coord-emc');
    const nlFields = await refusedWritingNothing(() =>
      nl.entry.inclusion.include(pumpInclusion({ consentDate: '0000-01-01' })),
    );
    expect(nlFields['consentDate']?.[0]).toMatch(/voor 1 feb(ruari)? 2020, de vroegst mogelijke datum/);
  });

  it('a correction to year 0000', async () => {
    const coord = await h.as('coord-emc');
    const fields = await refusedWritingNothing(() =>
      coord.entry.corrections.correct({
        trialId,
        target: { record: 'participant', studyId: 'PUMP3-EMC-001', changes: { inclusionDate: '0000-01-01' } },
        reason: 'Typed the wrong date',
      }),
    );
    expect(fields['target.changes.inclusionDate']?.[0]).toMatch(TOO_EARLY);
  });

  it('a data cut as of year 0000', async () => {
    const pi = await h.as('pi');
    const fields = await refusedWritingNothing(() =>
      pi.committee.dataCuts.create({ trialId, label: 'Ancient cut', asOf: '0000-01-01' }),
    );
    expect(fields['asOf']?.[0]).toMatch(TOO_EARLY);
  });

  it.each(['0000-01-01', '1900-01-01'])('a primary analysis released on %s', async (date) => {
    const admin = await h.as('admin');
    const fields = await refusedWritingNothing(() =>
      admin.trials.setOutcomeVisibility({
        trialId,
        rolesBeforePrimaryAnalysis: ['pi', 'steering'],
        primaryAnalysisReleased: date,
        reason: 'Primary analysis released',
      }),
    );
    expect(fields['primaryAnalysisReleased']?.[0]).toMatch(TOO_EARLY);
  });

  it('audit filters from year 0000', async () => {
    const admin = await h.as('admin');
    const e = await expectCode(admin.audit.list({ from: '0000-01-01' }), 'BAD_REQUEST');
    expect(JSON.stringify(e.cause)).toContain('entry.date.tooEarlyAny');
    await expectCode(admin.audit.exportCsv({ to: '1999-12-31' }), 'BAD_REQUEST');
  });
});

describe('dates inside the window', () => {
  it('accepts a screening on the first plausible day', async () => {
    const coord = await h.as('coord-emc');
    const s = await coord.entry.screening.record({
      trialId,
      screeningDate: '2020-02-01',
      outcome: 'declined',
    });
    expect(s.screeningNumber).toMatch(/^SCR-EMC-/);
  });
});

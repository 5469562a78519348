import { describe, expect, it } from 'vitest';
import { trialMilestones } from './milestones.js';
import { builtInTrial } from './trials/index.js';

describe('milestones', () => {
  const pump = builtInTrial('pump-iii');
  it('shows actual inclusion dates and projects the follow-up end of a complete trial', () => {
    const m = trialMilestones(
      pump,
      {
        firstInclusion: '2021-02-15',
        lastInclusion: '2023-01-20',
        included: 45,
        lastFollowUpEnd: '2028-03-01',
        projectedLastInclusion: null,
      },
      '2026-11-26',
    );
    const by = Object.fromEntries(m.map((x) => [x.key, x]));
    expect(by.firstPatientIn).toMatchObject({
      planned: '2021-02-01',
      date: '2021-02-15',
      basis: 'actual',
      reached: true,
    });
    expect(by.lastPatientIn).toMatchObject({
      planned: '2023-01-31',
      date: '2023-01-20',
      basis: 'actual',
      reached: true,
    });
    expect(by.lastPatientLastVisit).toMatchObject({
      planned: '2028-01-31',
      date: '2028-03-01',
      basis: 'projected',
      reached: false,
    });
    // primary analysis 24 months after the last inclusion: possible since 2025-01-20
    expect(by.primaryAnalysis).toMatchObject({
      planned: '2025-01-31',
      date: '2025-01-20',
      // An analysis cannot be seen in the data as done: it is due from this date.
      basis: 'due',
      reached: true,
    });
    expect(by.finalAnalysis).toMatchObject({ planned: '2028-07-31', date: '2028-09-01', basis: 'projected' });
  });
  it('projects from the projected last inclusion while recruiting', () => {
    const art = builtInTrial('artery-2');
    const m = trialMilestones(
      art,
      {
        firstInclusion: '2025-03-10',
        lastInclusion: '2026-11-01',
        included: 30,
        lastFollowUpEnd: null,
        projectedLastInclusion: '2027-05-01',
      },
      '2026-11-26',
    );
    const lpi = m.find((x) => x.key === 'lastPatientIn');
    expect(lpi).toMatchObject({ date: '2027-05-01', basis: 'projected', reached: false });
    expect(m.find((x) => x.key === 'lastPatientLastVisit')?.date).toBe('2029-05-01');
  });
});

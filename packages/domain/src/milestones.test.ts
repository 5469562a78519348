import { describe, expect, it } from 'vitest';
import { milestoneKeys, milestoneNames, trialMilestones } from './milestones.js';
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
      // An analysis cannot be seen in the data as done: it is due from this date, and never reached.
      basis: 'due',
      reached: false,
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

  it('never calls an analysis reached, however long ago it fell due', () => {
    for (const today of ['2026-11-26', '2035-01-01', '2060-01-01']) {
      const m = trialMilestones(
        pump,
        {
          firstInclusion: '2021-02-15',
          lastInclusion: '2023-01-20',
          included: 45,
          lastFollowUpEnd: '2028-03-01',
          projectedLastInclusion: null,
          openAssessments: 0,
        },
        today,
      );
      for (const x of m) expect(x.reached).toBe(x.basis === 'actual');
      for (const key of ['primaryAnalysis', 'finalAnalysis'])
        expect(m.find((x) => x.key === key)).toMatchObject({ reached: false });
    }
  });

  it('calls the last visit done only when no expected assessment is left open', () => {
    const facts = {
      firstInclusion: '2021-02-15',
      lastInclusion: '2023-01-20',
      included: 45,
      lastFollowUpEnd: '2028-03-01',
      projectedLastInclusion: null,
    };
    const lplv = (openAssessments: number | undefined) =>
      trialMilestones(pump, { ...facts, openAssessments }, '2028-06-01').find(
        (x) => x.key === 'lastPatientLastVisit',
      );
    expect(lplv(3)).toMatchObject({ date: '2028-03-01', basis: 'due', reached: false });
    expect(lplv(undefined)).toMatchObject({ basis: 'due', reached: false });
    expect(lplv(0)).toMatchObject({ date: '2028-03-01', basis: 'actual', reached: true });
  });
});

describe('milestone names', () => {
  it('names every milestone once, in English and Dutch, with distinct names', () => {
    for (const lang of ['en', 'nl'] as const) {
      const names = milestoneKeys.map((k) => milestoneNames[k][lang]);
      expect(names.every((n) => n.length > 0)).toBe(true);
      expect(new Set(names).size).toBe(milestoneKeys.length);
    }
    expect(milestoneNames.lastPatientLastVisit).toEqual({
      en: "Last patient's last visit",
      nl: 'Laatste bezoek van de laatste patiënt',
    });
  });
});

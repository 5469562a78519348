import { builtInTrial, isIsoDate, scheduleAssessments } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { generateCohort } from './generate-cohort.js';
import { demoCohortSize } from './seed-demo.js';

const pump = builtInTrial('pump-iii');
const options = { definition: pump, seed: 42, asOf: '2026-11-26', participants: 45 };

describe('synthetic cohort generator', () => {
  it('gives the same cohort for the same seed and date', () => {
    expect(generateCohort(options)).toEqual(generateCohort(options));
  });

  it('gives a different cohort for another seed or another date', () => {
    const a = generateCohort(options);
    expect(generateCohort({ ...options, seed: 43 })).not.toEqual(a);
    const earlier = generateCohort({ ...options, asOf: '2024-06-01' });
    expect(earlier.participants.map((p) => p.inclusionDate)).toEqual(
      a.participants.map((p) => p.inclusionDate),
    );
    expect(earlier.participants.flatMap((p) => p.assessments).length).toBeLessThan(
      a.participants.flatMap((p) => p.assessments).length,
    );
  });

  const cohort = generateCohort(options);
  it('includes 45 participants at the three centres between February 2021 and January 2023', () => {
    expect(cohort.participants).toHaveLength(45);
    expect(new Set(cohort.participants.map((p) => p.centre))).toEqual(new Set(['EMC', 'IJS', 'AVL']));
    const dates = cohort.participants.map((p) => p.inclusionDate).sort();
    expect(dates[0]!.slice(0, 7)).toBe('2021-02');
    expect(dates.at(-1)!.slice(0, 7)).toBe('2023-01');
  });

  it('numbers study IDs per centre without gaps', () => {
    for (const centre of ['EMC', 'IJS', 'AVL']) {
      const seqs = cohort.participants.filter((p) => p.centre === centre).map((p) => p.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    }
    expect(cohort.participants[0]!.studyId).toMatch(/^PUMP3-(EMC|IJS|AVL)-001$/);
  });

  it('keeps every record on or before the as-of date and after time zero', () => {
    for (const p of cohort.participants) {
      const dates = [
        ...p.assessments.map((a) => a.performedDate),
        ...p.cycles.map((c) => c.cycleDate),
        ...p.events.map((e) => e.date),
      ].filter((d): d is string => d !== null);
      for (const d of dates) {
        expect(isIsoDate(d)).toBe(true);
        expect(d <= options.asOf).toBe(true);
        expect(d >= p.timeZero!).toBe(true);
      }
    }
  });

  it('records assessments only for scheduled months, never after going off study', () => {
    for (const p of cohort.participants) {
      const months = new Set(scheduleAssessments(pump.schedule, p.timeZero!).map((s) => s.month));
      for (const a of p.assessments) expect(months.has(a.month)).toBe(true);
      if (p.offStudy)
        for (const a of p.assessments)
          if (a.performedDate) expect(a.performedDate <= p.offStudy.date).toBe(true);
    }
  });

  it('has six cycles at most, numbered in order, with stops ending treatment', () => {
    for (const p of cohort.participants) {
      expect(p.cycles.map((c) => c.cycle)).toEqual(p.cycles.map((_, i) => i + 1));
      expect(p.cycles.length).toBeLessThanOrEqual(6);
      const stop = p.cycles.findIndex((c) => c.modification === 'stopped');
      if (stop >= 0) expect(stop).toBe(p.cycles.length - 1);
      for (let i = 1; i < p.cycles.length; i += 1)
        expect(p.cycles[i]!.cycleDate > p.cycles[i - 1]!.cycleDate).toBe(true);
    }
  });

  it('has recurrences, deaths and complications at plausible rates', () => {
    const events = cohort.participants.flatMap((p) => p.events);
    const deaths = events.filter((e) => e.type === 'death').length;
    const recurrences = cohort.participants.filter((p) =>
      p.events.some((e) => e.type === 'recurrence'),
    ).length;
    const complications = events.filter((e) => e.type === 'complication').length;
    expect(deaths).toBeGreaterThan(2);
    expect(deaths).toBeLessThan(25);
    expect(recurrences).toBeGreaterThan(8);
    expect(recurrences).toBeLessThan(40);
    expect(complications).toBeGreaterThan(5);
    // every death is the participant's off-study reason
    for (const p of cohort.participants)
      if (p.events.some((e) => e.type === 'death')) expect(p.offStudy?.reason).toBe('died');
  });

  it('logs screenings for every inclusion plus screening failures', () => {
    expect(cohort.screenings.filter((s) => s.outcome === 'included')).toHaveLength(45);
    expect(cohort.screenings.length).toBeGreaterThan(60);
    for (const s of cohort.screenings.filter((x) => x.outcome === 'not_eligible'))
      expect(s.failedCriteria.length).toBeGreaterThan(0);
  });

  it('sizes a recruiting trial below its target', () => {
    const art = builtInTrial('artery-2');
    const n = demoCohortSize(art, '2026-11-26');
    expect(n).toBeGreaterThan(30);
    expect(n).toBeLessThan(art.target);
    expect(demoCohortSize(pump, '2026-11-26')).toBe(45);
  });
});

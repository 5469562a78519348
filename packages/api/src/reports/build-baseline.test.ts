// The baseline table's counting rules on a small hand-made dataset: a value that is absent (a cut frozen
// before baseline values were stored, or a form without the measure) counts as missing and is left out of
// medians and percentages. Expected quartiles are R's: quantile(c(1, 2, 3, 4), c(0.25, 0.5, 0.75)) gives
// 1.75, 2.5, 3.25; quantile(c(10), 0.25) gives 10.
import { builtInTrial, type DatasetParticipant, type TrialDataset } from '@trialdesk/domain';
import { describe, expect, it } from 'vitest';
import { buildBaseline, quantileType7 } from './build-baseline.js';

function participant(i: number, centre: string, baseline?: Record<string, number>): DatasetParticipant {
  return {
    id: i,
    studyId: `P-${i}`,
    centre,
    inclusionDate: '2022-01-01',
    consentDate: '2022-01-01',
    ageAtInclusion: 50 + i,
    sex: i % 2 === 0 ? 'female' : 'male',
    baseline,
    surgeryDate: null,
    pumpDate: null,
    timeZero: null,
    followUpEnd: null,
    offStudy: null,
    slots: [],
    cycles: [],
    assessments: [],
    events: [],
  };
}

describe('quantileType7', () => {
  it('interpolates as R does by default', () => {
    expect(quantileType7([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 12);
    expect(quantileType7([1, 2, 3, 4], 0.5)).toBeCloseTo(2.5, 12);
    expect(quantileType7([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 12);
    expect(quantileType7([10], 0.25)).toBe(10);
    expect(quantileType7([], 0.5)).toBeNull();
  });
});

describe('buildBaseline', () => {
  const data: TrialDataset = {
    format: 1,
    trialId: 'pump-iii',
    asOf: '2026-01-01',
    synthetic: true,
    participants: [
      participant(1, 'EMC', { platelets: 1, ecog: 0 }),
      participant(2, 'EMC', { platelets: 2, ecog: 1 }),
      participant(3, 'EMC', { platelets: 3, ecog: 1 }),
      participant(4, 'EMC', { platelets: 4 }),
      participant(5, 'AVL'),
    ],
    screenings: [],
  };
  const t = buildBaseline(builtInTrial('pump-iii'), data);

  it('has a column per centre and one for all, each with its participants', () => {
    expect(t.groups).toEqual([
      { centre: 'EMC', n: 4 },
      { centre: 'IJS', n: 0 },
      { centre: 'AVL', n: 1 },
      { centre: null, n: 5 },
    ]);
  });

  it('counts absent values as missing and leaves them out of medians', () => {
    const row = t.rows.find((r) => r.id === 'platelets');
    if (row?.kind !== 'continuous') throw new Error('platelets is a measured value');
    expect(row.cells[0]).toMatchObject({ n: 4, missing: 0, median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4 });
    expect(row.cells[2]).toMatchObject({ n: 0, missing: 1, median: null, q1: null });
    expect(row.cells[3]).toMatchObject({ n: 4, missing: 1, median: 2.5 });
  });

  it('counts a few-valued measure per value, as shares of those with a value', () => {
    const row = t.rows.find((r) => r.id === 'ecog');
    if (row?.kind !== 'categorical') throw new Error('ECOG is counted per value');
    expect(row.levels.map((l) => l.level)).toEqual(['0', '1']);
    expect(row.missing).toEqual([1, 0, 1, 2]);
    expect(row.levels[1]?.cells[0]).toEqual({ count: 2, proportion: 2 / 3 });
    expect(row.levels[0]?.cells[1]).toEqual({ count: 0, proportion: null });
  });

  it('counts sex from the participant record', () => {
    const row = t.rows.find((r) => r.id === 'sex');
    if (row?.kind !== 'categorical') throw new Error('sex is counted');
    expect(row.levels.map((l) => [l.level, l.cells[3]?.count])).toEqual([
      ['female', 2],
      ['male', 3],
    ]);
  });
});

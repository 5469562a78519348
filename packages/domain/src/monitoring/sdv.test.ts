import { describe, expect, it } from 'vitest';
import { defaultMonitoringPlan, type MonitoringPlan } from './plan.js';
import { fnv1a32, sdvRequirement, sdvSampleValue } from './sdv.js';

describe('the SDV sample', () => {
  it('hashes with FNV-1a as published (test vectors of the FNV reference, isthe.com/chongo/tech/comp/fnv)', () => {
    expect(fnv1a32('')).toBe(0x811c9dc5);
    expect(fnv1a32('a')).toBe(0xe40c292c);
    expect(fnv1a32('foobar')).toBe(0xbf9cf968);
  });

  it('is a pure function of the seed and the record, and takes about the planned share', () => {
    expect(sdvSampleValue(14, 'cycle', 7)).toBe(fnv1a32('14:cycle:7') % 10_000);
    const plan: MonitoringPlan = {
      ...defaultMonitoringPlan,
      sdv: { full: [], samplePercent: 20, sampleSeed: 14 },
    };
    const sampled = Array.from({ length: 10_000 }, (_, i) =>
      sdvRequirement(plan, 'cycle', i + 1, null),
    ).filter((r) => r === 'sample').length;
    expect(sampled).toBeGreaterThan(1_800);
    expect(sampled).toBeLessThan(2_200);
    // Another seed picks other records.
    const other = { ...plan, sdv: { ...plan.sdv, sampleSeed: 15 } };
    const differs = Array.from({ length: 100 }, (_, i) => i + 1).some(
      (id) => sdvRequirement(plan, 'cycle', id, null) !== sdvRequirement(other, 'cycle', id, null),
    );
    expect(differs).toBe(true);
  });

  it('verifies the plan’s groups in full whatever the sample says', () => {
    const plan: MonitoringPlan = {
      ...defaultMonitoringPlan,
      sdv: { full: ['eligibility', 'safety'], samplePercent: 0, sampleSeed: 1 },
    };
    expect(sdvRequirement(plan, 'participant', 3, null)).toBe('full');
    expect(sdvRequirement(plan, 'event', 3, 'complication')).toBe('full');
    expect(sdvRequirement(plan, 'event', 3, 'recurrence')).toBe('none');
    expect(sdvRequirement({ ...plan, sdv: { ...plan.sdv, samplePercent: 100 } }, 'cycle', 3, null)).toBe(
      'sample',
    );
  });
});

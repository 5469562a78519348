// Source data verification: which records the monitoring plan asks the monitor to verify, and the seeded
// sample of the rest. The sample is a pure function of the plan's seed and the record, so the same record is
// in or out of the sample on every screen, every instance and every day, and a monitor cannot steer it.
import type { MonitoringPlan, SdvScope } from './plan.js';

export const sdvRecordTypes = ['participant', 'cycle', 'assessment', 'event'] as const;
export type SdvRecordType = (typeof sdvRecordTypes)[number];

/** The group a record belongs to, for the plan's "verify in full" list. */
export function sdvScopeOf(recordType: SdvRecordType, eventType: string | null): SdvScope {
  if (recordType === 'participant') return 'eligibility';
  if (recordType === 'cycle') return 'treatment';
  if (recordType === 'assessment') return 'primary_endpoint';
  if (eventType === 'recurrence') return 'primary_endpoint';
  if (eventType === 'death') return 'primary_endpoint';
  if (eventType === 'complication') return 'safety';
  return 'treatment';
}

/**
 * FNV-1a (32 bit) of `seed:recordType:recordId`, as a number in [0, 10000): the record is sampled when it
 * falls below samplePercent × 100. FNV-1a is simple to recompute by hand or in another language, which an
 * inspector may want to do; it needs to be uniform, not secret.
 */
export function sdvSampleValue(seed: number, recordType: SdvRecordType, recordId: number): number {
  return fnv1a32(`${seed}:${recordType}:${recordId}`) % 10_000;
}

/** FNV-1a, 32 bit, of an ASCII string (the published test vectors hold: '' → 0x811c9dc5, 'a' → 0xe40c292c). */
export function fnv1a32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type SdvRequirement = 'full' | 'sample' | 'none';

/** Whether the plan asks for this record to be verified, and why. */
export function sdvRequirement(
  plan: MonitoringPlan,
  recordType: SdvRecordType,
  recordId: number,
  eventType: string | null,
): SdvRequirement {
  if (plan.sdv.full.includes(sdvScopeOf(recordType, eventType))) return 'full';
  return sdvSampleValue(plan.sdv.sampleSeed, recordType, recordId) < plan.sdv.samplePercent * 100
    ? 'sample'
    : 'none';
}

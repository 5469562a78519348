// What the overview's charts and their sections share (series shapes, the planned line's dash, bucket
// labels and order), in a file of its own so that the lazily loaded charts and the sections that load them
// do not import each other.
import { clinical, type ClinicalKey } from '../../components/clinical/messages';
import { useT } from '../../i18n/i18n-context';
import { bucketOrder, monthSeries } from './summary';
import type { Overview } from './types';

export type Mode = 'total' | 'centre';
/** Per-centre series; empty when the trial has too many centres for the server to send them. */
export type CentreSeries = Readonly<Record<string, number | null | undefined>>;

export const PLANNED_DASH = '6 4';

export const assessmentOrder = [
  'done',
  'done_late',
  'missed',
  'overdue',
  'due',
  'upcoming',
  'not_applicable',
] as const;

export function useBucketLabel() {
  const tk = useT(clinical);
  return (bucket: string) => {
    const year = /^year(\d+)$/.exec(bucket);
    if (year) return tk('yearN', { year: Number(year[1]) });
    const key = `bucket_${bucket}`;
    return key in clinical.en ? tk(key as ClinicalKey) : bucket;
  };
}

/** Buckets to show: every follow-up year and completed always; others only when someone is in them. */
export function shownBuckets(overview: Overview): string[] {
  const always = new Set([
    ...bucketOrder(overview.trial.followUpYears).filter((b) => /^year/.test(b)),
    'completed',
  ]);
  return bucketOrder(overview.trial.followUpYears).filter(
    (b) => always.has(b) || (overview.followUp.total[b] ?? 0) > 0,
  );
}

export function useEndsSeries(overview: Overview) {
  return monthSeries(overview.followUpEnds, overview.asOf.slice(0, 7));
}

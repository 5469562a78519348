import type { CoxGroup, CoxObservation, CoxOptions, CoxTies } from './types.js';
import { checkEvent, checkTime, resolveOptions } from './validate.js';

const TIES: readonly CoxTies[] = ['efron', 'breslow'];

export interface CoxInput {
  time: Float64Array;
  event: Uint8Array;
  /** Index into `levels` per observation; 0 is the reference. */
  group: Int32Array;
  /** The reference first, then the other groups in sorted order. */
  levels: CoxGroup[];
  ties: CoxTies;
  confLevel: number;
}

/**
 * Checks coxPh's input and orders the groups as R's factor() does: numbers numerically, strings
 * by code point (R's sort in the C locale). Groups must be all numbers or all strings, so that
 * the order cannot depend on how a mixture would be compared.
 */
export function resolveCoxInput(data: readonly CoxObservation[], options: CoxOptions | undefined): CoxInput {
  const ties = options?.ties ?? 'efron';
  if (!TIES.includes(ties)) {
    throw new RangeError(`ties must be one of ${TIES.join(', ')}; got ${String(ties)}`);
  }
  const { confLevel } = resolveOptions({ confLevel: options?.confLevel });

  const n = data.length;
  const time = new Float64Array(n);
  const event = new Uint8Array(n);
  let kind: 'number' | 'string' | null = null;
  const seen = new Set<CoxGroup>();
  for (let i = 0; i < n; i++) {
    const obs = data[i]!;
    checkTime(obs.time, () => `data[${i}].time`);
    checkEvent(obs.event, () => `data[${i}].event`);
    const g: unknown = obs.group;
    const k =
      typeof g === 'number' && Number.isFinite(g) ? 'number' : typeof g === 'string' ? 'string' : null;
    if (k === null)
      throw new TypeError(`data[${i}].group must be a string or a finite number; got ${String(g)}`);
    if (kind !== null && k !== kind) {
      throw new TypeError(`data[${i}].group is a ${k} but earlier groups are ${kind}s; use one kind`);
    }
    kind = k;
    time[i] = obs.time + 0;
    event[i] = obs.event ? 1 : 0;
    seen.add(obs.group);
  }

  const sorted = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (sorted.length < 2) {
    throw new RangeError(`coxPh needs at least two groups; got ${sorted.length}`);
  }
  const reference = options?.reference ?? sorted[0]!;
  if (!seen.has(reference)) {
    throw new RangeError(
      `reference ${JSON.stringify(reference)} is not one of the groups (${sorted.join(', ')})`,
    );
  }
  const levels = [reference, ...sorted.filter((g) => g !== reference)];
  const index = new Map(levels.map((g, i) => [g, i]));
  const group = Int32Array.from(data, (obs) => index.get(obs.group)!);
  return { time, event, group, levels, ties, confLevel };
}

import type { ConfType, KaplanMeierOptions } from './types.js';

const CONF_TYPES: readonly ConfType[] = ['log', 'log-log', 'plain'];

// The label is a function so that the hot loops build no string unless something is wrong.

export function checkTime(time: number, label: () => string): void {
  if (typeof time !== 'number' || !Number.isFinite(time) || time < 0) {
    throw new RangeError(`${label()} must be a finite, non-negative number; got ${String(time)}`);
  }
}

export function checkEvent(event: unknown, label: () => string): void {
  // A 0/1 status slipping through from untyped callers would otherwise be read silently.
  if (typeof event !== 'boolean') {
    throw new TypeError(`${label()} must be a boolean; got ${String(event)}`);
  }
}

export interface ResolvedOptions {
  confLevel: number;
  confType: ConfType;
}

export function resolveOptions(options: KaplanMeierOptions | undefined): ResolvedOptions {
  const confLevel = options?.confLevel ?? 0.95;
  const confType = options?.confType ?? 'log';
  if (typeof confLevel !== 'number' || !(confLevel > 0 && confLevel < 1)) {
    throw new RangeError(`confLevel must be strictly between 0 and 1; got ${String(confLevel)}`);
  }
  if (!CONF_TYPES.includes(confType)) {
    throw new RangeError(`confType must be one of ${CONF_TYPES.join(', ')}; got ${String(confType)}`);
  }
  return { confLevel, confType };
}

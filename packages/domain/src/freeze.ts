/**
 * Freezes a value and everything inside it. Parsed trial definitions and loaded datasets are cached and
 * shared by concurrent requests; frozen, no request can change what another one reads.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

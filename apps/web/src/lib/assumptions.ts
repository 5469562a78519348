/**
 * Whether a protocol setting is an assumption: `path` (e.g. 'centres.target') or one of its parents
 * (e.g. 'centres') is listed in the trial definition's `assumptions`.
 */
export function isAssumption(assumptions: readonly string[], path: string): boolean {
  return assumptions.some((a) => path === a || path.startsWith(`${a}.`));
}

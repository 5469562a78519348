// While the next page of a table loads, the page before stays on screen (no flash of a loader), but never the
// answer of another trial: after a switch of trial, the user would read the previous trial's figures under the
// new trial's name (the overview showed PUMP-III's 45 / 45 under "ARTERY-2 overview" until ARTERY-2's answer came).

/** The trialId of a tRPC query key ([path, { input, type }]), if its input names one. */
export function queryTrialId(key: readonly unknown[] | undefined): string | undefined {
  const meta = key?.[1];
  if (typeof meta !== 'object' || meta === null || !('input' in meta)) return undefined;
  const input: unknown = meta.input;
  if (typeof input !== 'object' || input === null || !('trialId' in input)) return undefined;
  return typeof input.trialId === 'string' ? input.trialId : undefined;
}

/** A placeholderData function: the previous answer while it belongs to the same trial, else none (a loader). */
export function keepPreviousOfTrial(trialId: string) {
  return <T>(
    previous: T | undefined,
    previousQuery: { queryKey: readonly unknown[] } | undefined,
  ): T | undefined => (queryTrialId(previousQuery?.queryKey) === trialId ? previous : undefined);
}

// A trial's centres for filters and labels, from the trial definition the navigation loads anyway (so no
// page waits on a heavier query for a name). Every page that shows a centre by name uses this one lookup;
// an unknown code is shown as it is rather than hidden.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../lib/trpc';

export interface TrialCentre {
  code: string;
  name: string;
}

export function useTrialCentres(trialId: string): {
  centres: readonly TrialCentre[];
  centreName: (code: string) => string;
} {
  const trpc = useTRPC();
  const trial = useQuery(trpc.trials.get.queryOptions({ trialId }));
  const centres = trial.data?.definition.centres ?? [];
  const names = new Map(centres.map((c) => [c.code, c.name]));
  return { centres, centreName: (code) => names.get(code) ?? code };
}

/** Only the name of a centre by its code. */
export function useCentreNames(trialId: string): (code: string) => string {
  return useTrialCentres(trialId).centreName;
}

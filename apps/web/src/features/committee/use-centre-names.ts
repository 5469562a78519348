// Centre names for labels, from the trial definition the trials router already serves.
import { useQuery } from '@tanstack/react-query';
import { useTRPC } from '../../lib/trpc';

export function useCentreNames(trialId: string): (code: string) => string {
  const trpc = useTRPC();
  const overview = useQuery(trpc.overview.get.queryOptions({ trialId }));
  const names = new Map((overview.data?.centres ?? []).map((c) => [c.code, c.name]));
  return (code) => names.get(code) ?? code;
}

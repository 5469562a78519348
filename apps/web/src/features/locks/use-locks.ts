// The locks that concern a participant (their own and the trial's), lifted ones included for the history;
// refreshed after a lock or unlock (locks pathFilter) and by the live updates like every other list.
import { useQuery } from '@tanstack/react-query';
import { can } from '@trialdesk/domain';
import { useSession } from '../../app/session';
import { useTRPC } from '../../lib/trpc';
import type { LockView } from './lock-words';

export function useLocks(trialId: string, studyId?: string): LockView[] {
  const trpc = useTRPC();
  const user = useSession();
  const locks = useQuery({
    ...trpc.locks.list.queryOptions({
      trialId,
      includeLifted: true,
      ...(studyId === undefined ? {} : { studyId }),
    }),
    // Only roles that read participants see locks (the server refuses the others).
    enabled: can(user.role, 'participant:read'),
  });
  return locks.data?.locks ?? [];
}

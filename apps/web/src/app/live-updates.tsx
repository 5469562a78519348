// Keeps a trial's screens current: every write in the trial arrives as a notice over SSE, and the
// trial's cached overview, participant, follow-up, worklist, screening and live committee queries are
// invalidated, so they refetch at once.
// The connection state is shared so pages can say whether they are live.
import { useQueryClient, type Query } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { createContext, useContext, useEffect } from 'react';
import { Outlet, useMatch } from 'react-router';
import { overviewInput } from '../features/overview/centre-page';
import { useTRPC } from '../lib/trpc';
import { useTrialId } from './trial';

type LiveStatus = 'connecting' | 'live' | 'paused';

const LiveStatusContext = createContext<LiveStatus>('paused');

export function useLiveStatus(): LiveStatus {
  return useContext(LiveStatusContext);
}

/** Whether a tRPC query's input names this trial (key: [path, { input, type }]). */
function isForTrial(query: Query, trialId: string): boolean {
  const meta: unknown = query.queryKey[1];
  if (typeof meta !== 'object' || meta === null || !('input' in meta)) return false;
  const input: unknown = meta.input;
  return typeof input === 'object' && input !== null && 'trialId' in input && input.trialId === trialId;
}

/** Whether a query asks for a frozen data cut rather than live data. */
function hasCut(query: Query): boolean {
  const meta: unknown = query.queryKey[1];
  if (typeof meta !== 'object' || meta === null || !('input' in meta)) return false;
  const input: unknown = meta.input;
  return typeof input === 'object' && input !== null && 'cutId' in input && typeof input.cutId === 'number';
}

export function LiveUpdates() {
  const trialId = useTrialId();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  // On the overview, ask for its data now, while the page's code is still loading, not after it.
  const onOverview = useMatch('/trials/:trialId') !== null;
  useEffect(() => {
    if (onOverview) void queryClient.prefetchQuery(trpc.overview.get.queryOptions(overviewInput(trialId)));
  }, [onOverview, queryClient, trpc, trialId]);
  const subscription = useSubscription(
    trpc.live.onChange.subscriptionOptions(
      { trialId },
      {
        onData: () => {
          const predicate = (query: Query) => isForTrial(query, trialId);
          for (const filter of [
            trpc.overview.pathFilter({ predicate }),
            trpc.participants.pathFilter({ predicate }),
            trpc.followUp.pathFilter({ predicate }),
            // Live committee views (outcomes, safety, CONSORT, report); frozen cuts never change.
            trpc.committee.pathFilter({
              predicate: (query) => isForTrial(query, trialId) && !hasCut(query),
            }),
            trpc.entry.worklist.pathFilter({ predicate }),
            trpc.entry.screening.pathFilter({ predicate }),
            // A lock or a signature changes what every open page of the trial may offer.
            trpc.locks.pathFilter({ predicate }),
            trpc.signatures.pathFilter({ predicate }),
            // The bell: a change in the trial may have notified this user (a query opened for their centre,
            // an answer, an SAE), so their own list is read again at once rather than at its next poll.
            trpc.notifications.list.pathFilter(),
          ])
            void queryClient.invalidateQueries(filter);
        },
      },
    ),
  );
  const status: LiveStatus =
    subscription.status === 'pending'
      ? 'live'
      : subscription.status === 'connecting'
        ? 'connecting'
        : 'paused';
  return (
    <LiveStatusContext.Provider value={status}>
      <Outlet />
    </LiveStatusContext.Provider>
  );
}

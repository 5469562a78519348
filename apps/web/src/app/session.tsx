// Who is logged in. The server is the only judge (auth.me); this context only spreads its answer. A query
// that later answers UNAUTHORIZED (session expired or ended elsewhere) sends the user back to the login page;
// while a password set by an administrator must be changed, every page but /account leads to /account.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiErrorData } from '../lib/errors';
import { useTRPC, type RouterOutputs } from '../lib/trpc';
import { PageError, PageLoader } from '../components/page-state';
import { ACCOUNT_PATH } from './nav';

export type SessionUser = RouterOutputs['auth']['me'];

const SessionContext = createContext<SessionUser | null>(null);

export function useSession(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession needs <RequireSession>');
  return user;
}

/** Renders its children only for a logged-in user; otherwise redirects to /login?next=<here>. */
export function RequireSession({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const location = useLocation();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));

  useEffect(() => {
    const meKey = trpc.auth.me.queryKey();
    return queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'error') return;
      const data = apiErrorData(event.action.error);
      const sessionChanged = data?.code === 'UNAUTHORIZED' || data?.key === 'auth.password_change_required';
      if (!sessionChanged) return;
      if (event.query.queryHash === queryClient.getQueryCache().find({ queryKey: meKey })?.queryHash) return;
      void queryClient.invalidateQueries(trpc.auth.me.queryFilter());
    });
  }, [queryClient, trpc]);

  if (me.isPending) return <PageLoader />;
  if (me.isError) {
    if (apiErrorData(me.error)?.code === 'UNAUTHORIZED') {
      const next = location.pathname + location.search;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return <PageError error={me.error} onRetry={() => void me.refetch()} />;
  }
  if (me.data.mustChangePassword && location.pathname !== `/${ACCOUNT_PATH}`)
    return <Navigate to={`/${ACCOUNT_PATH}`} replace />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}

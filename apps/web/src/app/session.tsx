// Who is logged in. The server is the only judge (auth.me); this context only spreads its answer. A query
// that later answers UNAUTHORIZED (session expired or ended elsewhere) sends the user back to the login page;
// while a password set by an administrator must be changed, every page but /account leads to /account.
// What a user may do in a trial is their membership there (an administrator's own role in every trial):
// inside a trial, useSession() answers with that trial's role and centre, so every page, menu entry and
// can() check uses the role that applies to the trial on screen.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { accessInTrial, isInstanceAdmin, type Actor, type Role } from '@trialdesk/domain';
import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { apiErrorData } from '../lib/errors';
import { useTRPC, type RouterOutputs } from '../lib/trpc';
import { PageError, PageLoader } from '../components/page-state';
import { ACCOUNT_PATH } from './nav';
import { useTrialInUrl } from './trial';

type SessionUser = RouterOutputs['auth']['me'];

const SessionContext = createContext<SessionUser | null>(null);

/**
 * The logged-in user; on a trial's pages with the role and centre of their membership in that trial. On
 * pages outside a trial (or in a trial they are not a member of, which the server answers as unknown) the
 * account's own role and centre.
 */
export function useSession(): SessionUser {
  const user = useAccount();
  const trialId = useTrialInUrl();
  return trialId === null ? user : { ...user, ...actorIn(user, trialId) };
}

/** The logged-in account as it is, whatever trial is on screen. */
export function useAccount(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSession needs <RequireSession>');
  return user;
}

/** The role and centre the user acts with in a trial; the account's own when not a member. */
export function actorIn(user: SessionUser, trialId: string): Actor {
  return accessInTrial(user, user.memberships, trialId) ?? { role: user.role, centre: user.centre };
}

/**
 * Every role the user holds: an administrator's own, else the roles of their memberships. Pages outside a
 * trial (the audit trail) open when one of them grants what the page needs, as on the server.
 */
export function rolesHeld(user: SessionUser): readonly Role[] {
  if (isInstanceAdmin(user)) return [user.role];
  return [...new Set(user.memberships.map((m) => m.role))];
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

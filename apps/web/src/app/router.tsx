// Builds the router from the route table (./routes.tsx): /login outside the session, everything else
// inside it, trial pages under /trials/:trialId.
import { useQuery } from '@tanstack/react-query';
import { isCentreBound } from '@trialdesk/domain';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { PageError, PageLoader } from '../components/page-state';
import { LoginPage } from '../features/auth/login-page';
import { useTRPC } from '../lib/trpc';
import { AppLayout } from './layout/app-layout';
import { NoTrialPage, NotFoundPage, RoutePage } from './route-page';
import { pageRoutes, type PageRoute } from './routes';
import { actorIn, RequireSession, useSession } from './session';
import { rememberedTrial, trialPath } from './trial';
import { LiveUpdates } from './live-updates';
import { RouteError } from './route-error';

/**
 * "/" goes to the last trial used, else the first trial: to its overview, or for a centre coordinator to
 * the worklist of their centre (what is due and overdue), which is where their day starts. An account that
 * is a member of no trial yet is told so.
 */
function DefaultTrialRedirect() {
  const trpc = useTRPC();
  const user = useSession();
  const trials = useQuery(trpc.trials.list.queryOptions());
  if (trials.isPending) return <PageLoader />;
  if (trials.isError) return <PageError error={trials.error} onRetry={() => void trials.refetch()} />;
  const remembered = rememberedTrial();
  const target = trials.data.find((x) => x.id === remembered) ?? trials.data[0];
  if (!target) return <NoTrialPage />;
  const role = actorIn(user, target.id).role;
  return <Navigate to={trialPath(target.id, isCentreBound(role) ? 'worklist' : '')} replace />;
}

function toRouteObject(route: PageRoute): RouteObject {
  const element = <RoutePage route={route} />;
  return route.path === '' ? { index: true, element } : { path: route.path, element };
}

export function createAppRouter() {
  return createBrowserRouter([
    { path: '/login', element: <LoginPage />, errorElement: <RouteError /> },
    {
      path: '/',
      element: (
        <RequireSession>
          <AppLayout />
        </RequireSession>
      ),
      errorElement: <RouteError />,
      children: [
        {
          // A page that fails renders its error inside the layout, so the navigation stays.
          errorElement: <RouteError inLayout />,
          children: [
            { index: true, element: <DefaultTrialRedirect /> },
            {
              path: 'trials/:trialId',
              element: <LiveUpdates />,
              children: pageRoutes.filter((r) => r.scope === 'trial').map(toRouteObject),
            },
            ...pageRoutes.filter((r) => r.scope === 'global').map(toRouteObject),
            { path: '*', element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}

// The typed tRPC client and the options proxy for TanStack Query. Components call
// `useTRPC()` and pass `trpc.area.procedure.queryOptions(input)` to useQuery, and invalidate with
// `queryClient.invalidateQueries(trpc.area.pathFilter())`: no hand-written query keys anywhere.
import type { AppRouter } from '@trialdesk/api';
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, splitLink } from '@trpc/client';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import type { inferRouterOutputs } from '@trpc/server';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Same origin: the server hosts both the app and /trpc (Vite proxies it in development). */
const TRPC_URL = '/trpc';

const http = {
  url: TRPC_URL,
  // Server messages come back in the language the user reads; <html lang> follows the switch.
  headers: () => ({ 'x-trialdesk-lang': document.documentElement.lang === 'nl' ? 'nl' : 'en' }),
  fetch: (input: RequestInfo | URL, init?: RequestInit) =>
    fetch(input, { ...init, credentials: 'same-origin' }),
};

export function createApiClient() {
  return createTRPCClient<AppRouter>({
    links: [
      splitLink({
        condition: (op) => op.type === 'subscription',
        // Server-sent events; the session cookie goes along because the stream is same-origin.
        true: httpSubscriptionLink({ url: TRPC_URL, eventSourceOptions: { withCredentials: true } }),
        false: splitLink({
          // An import carries a whole file: alone in its request, the only kind the server reads a large
          // body for (apps/server/src/json-body.ts).
          condition: (op) => op.path.startsWith('imports.'),
          true: httpLink(http),
          // The server refuses batches of more than 100 calls; stay well below.
          false: httpBatchLink({ ...http, maxItems: 50 }),
        }),
      }),
    ],
  });
}

// One QueryClient for the browser. Answers that cannot change by retrying (not logged in, not allowed,
// not found, bad input) are not retried; network hiccups are, twice.
import { QueryClient } from '@tanstack/react-query';
import { errorCode } from '../lib/errors';

const FINAL_CODES = new Set(['UNAUTHORIZED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_REQUEST', 'TOO_MANY_REQUESTS']);

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        retry: (failures, error) => !FINAL_CODES.has(errorCode(error) ?? '') && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

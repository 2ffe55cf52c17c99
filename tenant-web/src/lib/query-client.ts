import { ApiRequestError } from '@portico/shared/http';
import { QueryClient } from '@tanstack/react-query';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: true,
      retry: (failureCount, error) => {
        if (error instanceof ApiRequestError && error.status < 500) return false;
        return failureCount < 2;
      },
    },
    mutations: { retry: false },
  },
});

/** Root of every query that acts for the current customer; invalidated when the customer changes. */
export const PORTAL_SCOPE = 'portal' as const;

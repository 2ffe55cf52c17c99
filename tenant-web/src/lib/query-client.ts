import { ApiRequestError } from '@portico/shared/api-error';
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

/**
 * Root of queries whose key names the customer they were fetched for. They are right for that customer by
 * construction, so a customer switch leaves them alone: refetching them would send the new customer's header
 * under the old customer's key.
 */
export const CUSTOMER_SCOPE = 'customer' as const;

/**
 * Issue 12 SHELL: lists and conversations a tenant watches (messages, cases, notices) refetch at this
 * interval while the tab is visible (React Query pauses intervals in the background; focus refetches).
 */
export const LIVE_POLL_MS = 30_000;

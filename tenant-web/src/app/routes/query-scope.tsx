import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Outlet } from 'react-router';
import { authKeys } from '@/features/auth/api/keys';
import { queryClient } from '@/lib/query-client';
import { onSignedOut } from '@/lib/signed-out';

/**
 * The query client for every page that fetches (all but the sign-in page, which stays light): a
 * pathless layout route, lazy like the pages, so React Query arrives with the first page that needs it.
 * There is one client for the app; the cache lives on across scopes.
 */
export function QueryScope() {
  // A failed refresh means the session is gone: the portal layout then sends the user to /login.
  useEffect(() => onSignedOut(() => queryClient.setQueryData(authKeys.me(), null)), []);
  return (
    <QueryClientProvider client={queryClient}>
      <Outlet />
    </QueryClientProvider>
  );
}

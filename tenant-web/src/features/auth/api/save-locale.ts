import type { PortalMe } from '@portico/shared/contracts/auth';
import type { Locale } from '@portico/shared/locale';
import type { QueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { authKeys } from './keys';

/**
 * Saves the language the user picked in the header on their profile (best effort: the page has switched
 * already, and the choice is kept in this browser too). A plain request, not `useUpdateProfile`, so the
 * layout of every page does not load React Query's mutation code.
 */
export function saveLocale(queryClient: QueryClient, locale: Locale): Promise<void> {
  return api.patch<PortalMe>('/api/v1/auth/portal/me', { locale }).then(
    (me) => void queryClient.setQueryData(authKeys.me(), me),
    () => undefined,
  );
}

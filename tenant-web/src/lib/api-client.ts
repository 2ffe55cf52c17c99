import { CUSTOMER_HEADER, createApiClient } from '@portico/shared/http';
import { getSelection } from '@/lib/current-lease';

const signedOutListeners = new Set<() => void>();

/** Called when a request got a 401 and the refresh failed too. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

export const api = createApiClient({
  baseUrl: '',
  refreshPath: '/api/v1/auth/portal/refresh',
  headers: () => ({ [CUSTOMER_HEADER]: getSelection()?.customerId }),
  onSignedOut: () => {
    for (const listener of signedOutListeners) listener();
  },
});

import { createApiClient } from '@portico/shared/http';

type Listener = () => void;
const signedOutListeners = new Set<Listener>();

/** Called when a request got 401 and the refresh failed: the session is gone. */
export function onSignedOut(listener: Listener): () => void {
  signedOutListeners.add(listener);
  return () => {
    signedOutListeners.delete(listener);
  };
}

export const api = createApiClient({
  baseUrl: '',
  refreshPath: '/api/v1/auth/staff/refresh',
  onSignedOut: () => {
    for (const listener of signedOutListeners) listener();
  },
});

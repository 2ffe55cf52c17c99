const listeners = new Set<() => void>();

/**
 * Called when a request got a 401 and the refresh failed too. Apart from the API client (which
 * brings zod with the contracts), so the app shell can listen without loading it.
 */
export function onSignedOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function notifySignedOut(): void {
  for (const listener of listeners) listener();
}

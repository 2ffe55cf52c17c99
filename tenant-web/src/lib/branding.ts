import type { PortalBranding } from '@portico/shared/contracts/settings';
import { useEffect, useState } from 'react';

/**
 * Which landlord the public pages (sign-in, password reset, invitations) show (issue 12 SHELL): the
 * `?landlord=<id>` of a link in the landlord's invitations and e-mails, else the last landlord this
 * device signed in to. Plain fetch, no React Query and no zod: the sign-in page stays light.
 */
export const LANDLORD_STORAGE_KEY = 'portico.portal.landlord';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function rememberLandlord(landlordId: string) {
  try {
    localStorage.setItem(LANDLORD_STORAGE_KEY, landlordId);
  } catch {
    // storage unavailable: the link's parameter still works
  }
}

function knownLandlord(search: string): string | null {
  const fromLink = new URLSearchParams(search).get('landlord');
  if (fromLink && UUID.test(fromLink)) {
    rememberLandlord(fromLink);
    return fromLink;
  }
  try {
    const stored = localStorage.getItem(LANDLORD_STORAGE_KEY);
    return stored && UUID.test(stored) ? stored : null;
  } catch {
    return null;
  }
}

/** The branding for the public pages, once fetched; null before, for no known landlord, or on any error. */
export function usePublicBranding(search: string): PortalBranding | null {
  const [branding, setBranding] = useState<PortalBranding | null>(null);
  useEffect(() => {
    const id = knownLandlord(search);
    if (!id) return;
    const abort = new AbortController();
    fetch(`/api/v1/auth/portal/branding/${id}`, { signal: abort.signal, credentials: 'same-origin' })
      .then((res) => (res.ok ? (res.json() as Promise<PortalBranding>) : null))
      .then((b) => setBranding(b && b.landlordId === id ? b : null))
      .catch(() => undefined);
    return () => abort.abort();
  }, [search]);
  return branding;
}

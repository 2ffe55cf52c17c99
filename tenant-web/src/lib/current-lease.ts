import type { PortalMe } from '@portico/shared/contracts/auth';
import { useSyncExternalStore } from 'react';

import { type LeaseSelection, readStoredSelection, SELECTION_STORAGE_KEY as STORAGE_KEY } from './selection-storage';

/** The (customer, lease) the portal is acting for. Client state only; the server data lives in React Query. */
export type { LeaseSelection };

const listeners = new Set<() => void>();

let current: LeaseSelection | null = readStoredSelection();

export function getSelection(): LeaseSelection | null {
  return current;
}

export function setSelection(next: LeaseSelection | null): void {
  if (current?.customerId === next?.customerId && current?.leaseId === next?.leaseId) return;
  current = next;
  try {
    if (next) localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSelection(): LeaseSelection | null {
  return useSyncExternalStore(subscribe, getSelection, getSelection);
}

/** Every (customer, lease) pair the user can act for; a customer without leases gives one pair with no lease. */
export function selectionOptions(me: PortalMe): LeaseSelection[] {
  return me.memberships.flatMap<LeaseSelection>((m) =>
    m.leases.length ? m.leases.map((l) => ({ customerId: m.customerId, leaseId: l.id })) : [{ customerId: m.customerId, leaseId: null }],
  );
}

/** The stored selection if it is still valid for this user, else the first pair. */
export function resolveSelection(me: PortalMe, stored: LeaseSelection | null): LeaseSelection | null {
  const options = selectionOptions(me);
  if (stored) {
    const exact = options.find((o) => o.customerId === stored.customerId && o.leaseId === stored.leaseId);
    if (exact) return exact;
    const sameCustomer = options.find((o) => o.customerId === stored.customerId);
    if (sameCustomer) return sameCustomer;
  }
  return options[0] ?? null;
}

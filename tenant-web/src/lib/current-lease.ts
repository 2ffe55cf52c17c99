import type { PortalMe } from '@portico/shared/contracts/auth';
import { useSyncExternalStore } from 'react';

/** The (customer, lease) the portal is acting for. Client state only; the server data lives in React Query. */
export interface LeaseSelection {
  customerId: string;
  leaseId: string | null;
}

const STORAGE_KEY = 'portico.portal.selection';
const listeners = new Set<() => void>();

function read(): LeaseSelection | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const parsed: unknown = JSON.parse(raw);
    if (parsed && typeof parsed === 'object' && 'customerId' in parsed && typeof parsed.customerId === 'string') {
      const leaseId = 'leaseId' in parsed && typeof parsed.leaseId === 'string' ? parsed.leaseId : null;
      return { customerId: parsed.customerId, leaseId };
    }
  } catch {
    // storage unavailable or corrupt: fall back to no selection
  }
  return null;
}

let current: LeaseSelection | null = read();

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

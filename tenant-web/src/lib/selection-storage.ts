/**
 * Where the portal keeps the (customer, lease) it acts for between visits. Apart from
 * `current-lease.ts` (which brings React) so the inline boot script (src/boot.ts) can read it too.
 */
export interface LeaseSelection {
  customerId: string;
  leaseId: string | null;
}

export const SELECTION_STORAGE_KEY = 'portico.portal.selection';

export function readStoredSelection(): LeaseSelection | null {
  try {
    const raw = localStorage.getItem(SELECTION_STORAGE_KEY);
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

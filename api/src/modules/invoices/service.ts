import { invoiceStatusOn } from '@portico/shared/contracts/billing-core';
import type { InvoiceSummary } from '@portico/shared/contracts/invoices';
import type { CursorPage } from '@portico/shared/pagination';
import { formatISO } from 'date-fns';
import type { TenantActor } from '../../actors';
import type { Deps } from '../../deps';
import { AppError, forbidden } from '../../errors';
import { canSeeInvoices } from '../organisation/policy';
import * as repo from './repo';

/**
 * Seed 002: only main administrators see invoices, and where the landlord demands it only in a
 * session that has used BankID/MitID. Every invoice endpoint goes through this.
 */
export function assertMaySeeInvoices(actor: TenantActor, strongAuth: boolean) {
  if (!canSeeInvoices(actor.role)) throw forbidden();
  if (actor.invoicesRequireStrongAuth && !strongAuth) throw new AppError(403, 'strong_auth_required');
}

export async function listInvoices(
  deps: Deps,
  actor: TenantActor,
  strongAuth: boolean,
  query: { unpaidOnly: boolean; cursor?: string | undefined; limit: number },
): Promise<CursorPage<InvoiceSummary>> {
  assertMaySeeInvoices(actor, strongAuth);
  const { items, ...page } = await repo.listInvoices(deps.db, actor, query.unpaidOnly, query);
  return {
    ...page,
    items: items.map(({ invoice, lease }) => ({
      id: invoice.id,
      number: invoice.number,
      lease,
      period: invoice.period,
      totalMinor: invoice.totalMinor,
      currency: invoice.currency,
      dueDate: invoice.dueDate,
      status: invoiceStatusOn(invoice.status, invoice.dueDate, formatISO(new Date(), { representation: 'date' })),
      paidAt: invoice.paidAt,
    })),
  };
}

import { COLLECTION_MAX, type CollectionConfirm, type CollectionList, type CollectionResult } from '@portico/shared/contracts/mandates';
import type { StaffActor } from '../../actors';
import type { Deps } from '../../deps';
import { AppError, forbidden, notFound } from '../../errors';
import { bookPayment } from '../payments/allocate';
import { canManageMandates, canReadMandates } from './policy';
import * as repo from './repo';

/** Open notices with an active mandate due on or before `dueDate`, with totals per currency. */
export async function listCollections(deps: Deps, actor: StaffActor, dueDate: string): Promise<CollectionList> {
  if (!canReadMandates(actor)) throw forbidden();
  const rows = await repo.listCollectable(deps.db, actor.landlordId, dueDate, COLLECTION_MAX + 1);
  const items = rows.slice(0, COLLECTION_MAX).map((r) => ({
    invoiceId: r.invoiceId,
    number: r.number,
    customer: r.customer,
    lease: r.lease,
    mandate: { id: r.mandate.id, kind: r.mandate.kind, payerNumber: r.mandate.payerNumber },
    dueDate: r.dueDate,
    currency: r.currency,
    openMinor: r.openMinor,
  }));
  const totals = new Map<string, { currency: (typeof items)[number]['currency']; count: number; amountMinor: number }>();
  for (const i of items) {
    const t = totals.get(i.currency) ?? { currency: i.currency, count: 0, amountMinor: 0 };
    t.count += 1;
    t.amountMinor += i.openMinor;
    totals.set(i.currency, t);
  }
  return { dueDate, items, totals: [...totals.values()], truncated: rows.length > COLLECTION_MAX };
}

/**
 * Finance confirms the bank's collection run: each notice gets a `direct_debit` payment of what is
 * open, paid on its due date, through `bookPayment`, all in one transaction. Idempotent: notices
 * already settled are skipped (the rows are locked, so a second confirmation waits and skips).
 * A notice without an active mandate, or due after `dueDate`, refuses the whole run (422).
 */
export async function confirmCollections(deps: Deps, actor: StaffActor, input: CollectionConfirm): Promise<CollectionResult> {
  if (!canManageMandates(actor)) throw forbidden();
  const ids = [...new Set(input.invoiceIds)];
  return deps.db.transaction(async (tx) => {
    const rows = await repo.lockNoticesForCollection(tx, actor.landlordId, ids);
    if (rows.length !== ids.length) throw notFound('invoice');
    const booked: CollectionResult['booked'] = [];
    const skipped: string[] = [];
    for (const r of rows) {
      const open = r.kind !== 'credit_note' && (r.status === 'unpaid' || r.status === 'partly_paid') && r.openMinor > 0;
      if (!open) {
        skipped.push(r.invoiceId);
        continue;
      }
      if (r.mandate?.status !== 'active' || r.dueDate > input.dueDate) throw new AppError(422, 'mandate_collection_not_eligible');
      const { payment, allocations } = await bookPayment(
        tx,
        {
          landlordId: actor.landlordId,
          customerId: r.customerId,
          source: 'direct_debit',
          amountMinor: r.openMinor,
          currency: r.currency,
          paidOn: r.dueDate,
          reference: r.mandate.payerNumber,
          mandateId: r.mandate.id,
          createdBy: actor.id,
        },
        r.invoiceId,
      );
      booked.push({ invoiceId: r.invoiceId, paymentId: payment.id, amountMinor: allocations[0]?.amountMinor ?? 0 });
    }
    return { booked, skipped };
  });
}

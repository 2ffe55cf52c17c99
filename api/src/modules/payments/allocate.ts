import type { Currency, PaymentSource } from '@portico/shared/contracts/billing-core';
import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client';
import { invoices, paymentAllocations, payments } from '../../db/schema/invoices';
import { emitEvent } from '../events/service';

/**
 * The one place money moves onto notices (issue 11 §3). Every booking path (BgMax import, manual
 * registration, the unmatched queue, direct-debit collections) calls these inside its transaction.
 */

export type NewPayment = {
  landlordId: string;
  customerId: string | null;
  source: PaymentSource;
  amountMinor: number;
  currency: Currency;
  paidOn: string;
  reference?: string | null;
  payerName?: string | null;
  payerAccount?: string | null;
  bankSerial?: string | null;
  importId?: string | null;
  mandateId?: string | null;
  note?: string | null;
  createdBy?: string | null;
};

/**
 * Moves up to `max` of the payment's unallocated amount onto the notice (never more than is open on
 * it), and marks the notice paid or partly paid. Both rows are locked, so two bookings of one notice
 * cannot both see it open. Answers the amount moved (0 when the notice is settled already).
 */
export async function allocate(tx: DbOrTx, landlordId: string, paymentId: string, invoiceId: string, max?: number): Promise<number> {
  const [payment] = await tx
    .select({ unallocated: payments.unallocatedMinor, paidOn: payments.paidOn, customerId: payments.customerId })
    .from(payments)
    .where(and(eq(payments.landlordId, landlordId), eq(payments.id, paymentId)))
    .for('update');
  const [invoice] = await tx
    .select({
      total: invoices.totalMinor,
      paid: invoices.paidMinor,
      credited: invoices.creditedMinor,
      customerId: invoices.customerId,
      kind: invoices.kind,
    })
    .from(invoices)
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId)))
    .for('update');
  if (!payment || !invoice || invoice.kind === 'credit_note') return 0;
  const open = Math.max(0, invoice.total - invoice.paid - invoice.credited);
  const amount = Math.min(open, payment.unallocated, max ?? Number.POSITIVE_INFINITY);
  if (amount <= 0) return 0;
  await tx.insert(paymentAllocations).values({ landlordId, paymentId, invoiceId, amountMinor: amount });
  const settled = amount === open;
  await tx
    .update(invoices)
    .set({
      paidMinor: sql`${invoices.paidMinor} + ${amount}`,
      status: settled ? 'paid' : 'partly_paid',
      paidAt: settled ? payment.paidOn : null,
      updatedAt: new Date(),
    })
    .where(and(eq(invoices.landlordId, landlordId), eq(invoices.id, invoiceId)));
  await tx
    .update(payments)
    .set({
      unallocatedMinor: sql`${payments.unallocatedMinor} - ${amount}`,
      // A payment matched to a notice belongs to the notice's customer.
      customerId: payment.customerId ?? invoice.customerId,
    })
    .where(and(eq(payments.landlordId, landlordId), eq(payments.id, paymentId)));
  return amount;
}

/**
 * Books a payment and, when `invoiceId` is given, allocates it there; what is left stays on the
 * payment as the customer's credit (or, with no customer, in the unmatched queue). Emits
 * `payment.received` with the allocations. The caller's transaction holds it all.
 */
export async function bookPayment(tx: DbOrTx, input: NewPayment, invoiceId?: string | null) {
  const [payment] = await tx
    .insert(payments)
    .values({ ...input, unallocatedMinor: input.amountMinor })
    .returning();
  const allocations: { invoiceId: string; amountMinor: number }[] = [];
  if (invoiceId) {
    const amount = await allocate(tx, input.landlordId, payment!.id, invoiceId);
    if (amount > 0) allocations.push({ invoiceId, amountMinor: amount });
  }
  const [booked] = await tx
    .select()
    .from(payments)
    .where(and(eq(payments.landlordId, input.landlordId), eq(payments.id, payment!.id)));
  await emitEvent(tx, input.landlordId, 'payment.received', {
    paymentId: booked!.id,
    customerId: booked!.customerId,
    amountMinor: booked!.amountMinor,
    currency: booked!.currency,
    paidOn: booked!.paidOn,
    source: booked!.source,
    allocations,
  });
  return { payment: booked!, allocations };
}

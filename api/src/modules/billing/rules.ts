import type { BillingCadence, Currency, DueRule, PaymentMethod } from '@portico/shared/contracts/billing-core';
import type { RentLineKind } from '@portico/shared/contracts/leases';
import { makeFik71PaymentId } from '@portico/shared/formats/fik';
import { makeOcr, type OcrRule } from '@portico/shared/formats/ocr';
import { addDays, addMonths, formatISO, getMonth, isWeekend, lastDayOfMonth, nextMonday, parseISO, subBusinessDays } from 'date-fns';
import type { StoredPaymentAccounts } from '../../db/schema/landlords';
import { AppError } from '../../errors';

/** Pure billing rules (no database): periods, due dates, lines with VAT, references. */

const iso = (d: Date) => formatISO(d, { representation: 'date' });

/** `YYYY-MM` → its first day. */
export const periodStartOf = (period: string) => `${period}-01`;

/** Quarterly leases are billed in January, April, July and October, for three months. */
export const isQuarterMonth = (periodStart: string) => getMonth(parseISO(periodStart)) % 3 === 0;

/** The last day a notice of this cadence covers. */
export function periodEndOf(periodStart: string, cadence: BillingCadence) {
  const start = parseISO(periodStart);
  return iso(lastDayOfMonth(cadence === 'quarterly' ? addMonths(start, 2) : start));
}

export const monthsOf = (cadence: BillingCadence) => (cadence === 'quarterly' ? 3 : 1);

/** The month after the one `day` falls in, as `YYYY-MM` (the scheduled run bills it). */
export const nextPeriodAfter = (day: string) => iso(addMonths(parseISO(day), 1)).slice(0, 7);

/**
 * The due date of a notice for a period starting on `periodStart`: the last weekday before it (SE,
 * rent in advance) or its first weekday (DK). Weekends only; bank holidays are not modelled.
 */
export function dueDateFor(rule: DueRule, periodStart: string) {
  const start = parseISO(periodStart);
  if (rule === 'last_weekday_before') return iso(subBusinessDays(start, 1));
  return iso(isWeekend(start) ? nextMonday(start) : start);
}

/** Default due date of a single charge: 30 days after issue. */
export const chargeDueDate = (today: string) => iso(addDays(parseISO(today), 30));

export type LineInput = { kind: RentLineKind; description: string; amountMinor: number; vatRate: number };
export type PricedLine = LineInput & { vatMinor: number };

/** VAT per line, rounded to whole minor units (as the lease page shows it); `factor` scales amounts (×3 for a quarter, −1 for credit). */
export function priceLines(lines: LineInput[], factor = 1) {
  const priced: PricedLine[] = lines.map((l) => {
    const amountMinor = l.amountMinor * factor;
    return { ...l, amountMinor, vatMinor: Math.round((amountMinor * l.vatRate) / 100) };
  });
  const subtotalMinor = priced.reduce((s, l) => s + l.amountMinor, 0);
  const vatMinor = priced.reduce((s, l) => s + l.vatMinor, 0);
  return { lines: priced, subtotalMinor, vatMinor, totalMinor: subtotalMinor + vatMinor };
}

export type PaymentSetup = { method: PaymentMethod; reference: (seq: number) => string };

/**
 * How notices in `currency` are paid and how their reference is made from the number: SEK by
 * bankgiro (else plusgiro) with an OCR under the landlord's rule, DKK by FI card type 71, EUR to
 * the IBAN with the OCR digits as reference. 422 `billing_no_payment_account` without an account.
 */
export function paymentSetup(currency: Currency, accounts: StoredPaymentAccounts, ocr: OcrRule): PaymentSetup {
  const ocrOf = (seq: number) => {
    try {
      return makeOcr(String(seq), ocr);
    } catch {
      throw new AppError(422, 'billing_number_does_not_fit');
    }
  };
  if (currency === 'SEK' && accounts.bankgiro) return { method: 'bankgiro', reference: ocrOf };
  if (currency === 'SEK' && accounts.plusgiro) return { method: 'plusgiro', reference: ocrOf };
  if (currency === 'DKK' && accounts.fiCreditor) return { method: 'fik', reference: (seq) => makeFik71PaymentId(String(seq)) };
  if (currency === 'EUR' && accounts.iban) return { method: 'iban', reference: ocrOf };
  throw new AppError(422, 'billing_no_payment_account');
}

/** Is the lease running on some day of [start, end]? Ended or archived leases are never billed. */
export function activeIn(
  lease: { validFrom: string; validTo: string | null; status: string; archived: boolean },
  start: string,
  end: string,
) {
  if (lease.archived || lease.status === 'ended') return false;
  return lease.validFrom <= end && (lease.validTo === null || lease.validTo >= start);
}

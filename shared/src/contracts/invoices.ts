import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { LeaseRefSchema } from './auth';
import { CurrencySchema, InvoiceStatusSchema } from './billing-core';

export { CURRENCIES, CurrencySchema, InvoiceStatusSchema } from './billing-core';

/** The first cut of a rent notice / invoice (seed 001, 002); billing extends it. */
export const InvoiceSummarySchema = z.object({
  id: z.uuid(),
  number: z.string(),
  lease: LeaseRefSchema,
  period: z.string(),
  /** Minor units (öre / øre / cent). */
  totalMinor: z.number().int(),
  currency: CurrencySchema,
  dueDate: z.iso.date(),
  status: InvoiceStatusSchema,
  paidAt: z.iso.date().nullable(),
});
export type InvoiceSummary = z.infer<typeof InvoiceSummarySchema>;
export const InvoicePageSchema = cursorPageOf(InvoiceSummarySchema);
export type InvoicePage = z.infer<typeof InvoicePageSchema>;
export const InvoiceListQuerySchema = CursorQuerySchema.extend({ unpaidOnly: z.stringbool().default(true) });

import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';
import { LeaseRefSchema } from './auth';

export const CustomerKindSchema = z.enum(['person', 'company']);

export const ContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** none: never invited; invited: an unused, unexpired invitation exists; registered: has a portal user. */
  portalState: z.enum(['none', 'invited', 'registered']),
});
export type Contact = z.infer<typeof ContactSchema>;

export const CustomerSummarySchema = z.object({
  id: z.uuid(),
  kind: CustomerKindSchema,
  name: z.string(),
  email: z.string().nullable(),
  leases: z.array(LeaseRefSchema),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const CustomerDetailSchema = CustomerSummarySchema.extend({
  phone: z.string().nullable(),
  contacts: z.array(ContactSchema),
});
export type CustomerDetail = z.infer<typeof CustomerDetailSchema>;

export const CustomerPageSchema = cursorPageOf(CustomerSummarySchema);
export type CustomerPage = z.infer<typeof CustomerPageSchema>;
export const CustomerListQuerySchema = CursorQuerySchema.extend({ q: oneLine().max(100).optional() });
export const CustomerParamsSchema = z.object({ customerId: z.uuid() });
export const ContactParamsSchema = z.object({ customerId: z.uuid(), contactId: z.uuid() });

export const InvitationSentSchema = z.object({ contactId: z.uuid(), email: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export type InvitationSent = z.infer<typeof InvitationSentSchema>;

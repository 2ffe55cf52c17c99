import { z } from 'zod';
import { oneLine } from '../text';
import { DeliveryStateSchema } from './messaging';

/**
 * One notification (an e-mail or an SMS) and how it went. `queued` covers waiting and retrying:
 * the worker keeps trying for about a day before a delivery becomes `failed`.
 */
export const DeliverySchema = z.object({
  id: z.uuid(),
  channel: z.enum(['email', 'sms']),
  state: DeliveryStateSchema,
  attempts: z.number().int(),
  /** The last error from the mail server or SMS gateway, while retrying or once failed. */
  lastError: z.string().nullable(),
  messageId: z.uuid().nullable(),
  caseId: z.uuid().nullable(),
  customerId: z.uuid().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** Deliveries of one message, or of one related case (optionally one recipient customer). */
export const DeliveryListQuerySchema = z
  .object({
    messageId: z.uuid().optional(),
    caseId: z.uuid().optional(),
    customerId: z.uuid().optional(),
    state: DeliveryStateSchema.optional(),
    /** The `nextCursor` of the previous page. */
    cursor: oneLine().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .refine((q) => q.messageId || q.caseId, { message: 'messageId or caseId is required', path: ['messageId'] });
export type DeliveryListQuery = z.infer<typeof DeliveryListQuerySchema>;

export const DeliveryPageSchema = z.object({
  items: z.array(DeliverySchema),
  nextCursor: z.string().nullable(),
});
export type DeliveryPage = z.infer<typeof DeliveryPageSchema>;

export const DeliveryParamsSchema = z.object({ deliveryId: z.uuid() });

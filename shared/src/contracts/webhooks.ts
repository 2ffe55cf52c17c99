import { z } from 'zod';
import { CursorQuerySchema, CursorSchema, cursorPageOf } from '../pagination';
import { multiLine, oneLine } from '../text';

/**
 * Events (issue 10): what a webhook endpoint receives and what the changes feed lists. A payload is
 * compact on purpose (decision 10H2): the ids an integrator needs to fetch the record from the API,
 * and what changed; never a secret, never a message or case text (those stay behind the API's
 * scopes). `webhook.test` is sent by "send test event" only and is not in the feed.
 */
const id = z.uuid();
const when = z.string().describe('ISO 8601 time');

export const EventPayloadSchemas = {
  'message.created': z.object({
    messageId: id,
    threadId: id,
    customerId: id,
    author: z.enum(['staff', 'tenant']),
  }),
  'case.created': z.object({
    caseId: id,
    number: z.string(),
    /** Null for a case not raised for a customer. */
    customerId: id.nullable(),
    status: z.string(),
    type: z.string(),
    assigneeId: id.nullable(),
  }),
  'case.updated': z.object({
    caseId: id,
    /** What changed: the status, the assignee, or both. */
    changes: z.array(z.enum(['status', 'assignee'])),
    status: z.string(),
    previousStatus: z.string().optional(),
    assigneeId: id.nullable(),
  }),
  'case.reply_created': z.object({
    caseId: id,
    replyId: id,
    author: z.enum(['staff', 'tenant']),
    /** Internal notes are staff-only; a public reply is seen by the tenant. */
    internal: z.boolean(),
  }),
  'customer.created': z.object({ customerId: id, externalId: z.string().nullable() }),
  'customer.updated': z.object({
    customerId: id,
    externalId: z.string().nullable(),
    /** The fields (or `contacts`) that changed. */
    changes: z.array(z.string()),
  }),
  'lease.created': z.object({
    leaseId: id,
    customerId: id,
    unitIds: z.array(id),
    status: z.string(),
    externalId: z.string().nullable(),
  }),
  'lease.updated': z.object({
    leaseId: id,
    customerId: id,
    unitIds: z.array(id),
    status: z.string(),
    externalId: z.string().nullable(),
    /** The fields that changed (`status`, `validTo`, `rentLines`, `units`, `archived` …). */
    changes: z.array(z.string()),
  }),
  'portal_user.created': z.object({ portalUserId: id, customerIds: z.array(id) }),
  /** Issue 11: a notice, single charge or credit note was issued (by a billing run, by hand, or by PUT). */
  'invoice.created': z.object({
    invoiceId: id,
    number: z.string(),
    kind: z.enum(['notice', 'charge', 'credit_note']),
    customerId: id,
    leaseId: id,
    totalMinor: z.number().int(),
    currency: z.string(),
    dueDate: z.string(),
    externalId: z.string().nullable(),
  }),
  /** A payment was booked (imported, registered by hand, or collected by direct debit) or assigned from the queue. */
  'payment.received': z.object({
    paymentId: id,
    /** Null while it waits in the unmatched queue. */
    customerId: id.nullable(),
    amountMinor: z.number().int(),
    currency: z.string(),
    paidOn: z.string(),
    source: z.string(),
    /** The notices it paid, with the amount each got. */
    allocations: z.array(z.object({ invoiceId: id, amountMinor: z.number().int() })),
  }),
  'mandate.updated': z.object({
    mandateId: id,
    customerId: id,
    leaseId: id,
    kind: z.enum(['autogiro', 'betalingsservice']),
    status: z.enum(['pending', 'active', 'cancelled', 'rejected']),
    previousStatus: z.enum(['pending', 'active', 'cancelled', 'rejected']).nullable(),
  }),
  'webhook.test': z.object({ endpointId: id, message: z.string() }),
} as const;

export type EventType = keyof typeof EventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof EventPayloadSchemas)[T]>;

/** Every event type, in the order the console lists them. */
export const EVENT_TYPES = Object.keys(EventPayloadSchemas) as EventType[];
/** The types an endpoint can subscribe to and the feed lists (all but the test event). */
export const SUBSCRIBABLE_EVENT_TYPES = EVENT_TYPES.filter((t) => t !== 'webhook.test') as Exclude<EventType, 'webhook.test'>[];
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);
export const SubscribableEventTypeSchema = z.enum(SUBSCRIBABLE_EVENT_TYPES as [EventType, ...EventType[]]);

/** The body POSTed to an endpoint (Standard Webhooks envelope); the event id is the `webhook-id` header. */
export function webhookEnvelopeSchema<T extends EventType>(type: T) {
  return z.object({ type: z.literal(type), timestamp: when, data: EventPayloadSchemas[type] });
}

/** One event as the changes feed lists it: the webhook envelope plus its id. */
export const EventSchema = z.object({
  id,
  type: EventTypeSchema,
  timestamp: when,
  data: z.record(z.string(), z.unknown()),
});
export type Event = z.infer<typeof EventSchema>;

export const EventFeedQuerySchema = z.object({
  /** The `nextCursor` of the previous call; none to start from the oldest event kept (30 days). */
  after: CursorSchema.optional(),
  /** Comma-separated event types to return; all when absent. */
  types: oneLine()
    .max(400)
    .optional()
    .transform((v, ctx) => {
      if (!v) return undefined;
      const list = v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      for (const t of list)
        if (!SubscribableEventTypeSchema.safeParse(t).success) {
          ctx.addIssue({ code: 'custom', message: `unknown event type ${t}` });
          return z.NEVER;
        }
      return list as EventType[];
    }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type EventFeedQuery = z.infer<typeof EventFeedQuerySchema>;

export const EventFeedPageSchema = z.object({
  items: z.array(EventSchema),
  /** Always set: pass it as `after` next time, even after an empty page, to keep your place. */
  nextCursor: CursorSchema,
  /** True when more events were already there beyond this page (call again at once). */
  hasMore: z.boolean(),
});
export type EventFeedPage = z.infer<typeof EventFeedPageSchema>;

// --- Endpoints -------------------------------------------------------------------------------------

export const WebhookUrlSchema = z.url({ protocol: /^https?$/ }).max(2000);

export const WebhookEndpointSchema = z.object({
  id,
  url: z.string(),
  description: z.string(),
  eventTypes: z.array(SubscribableEventTypeSchema),
  enabled: z.boolean(),
  /** Why a disabled endpoint is off: switched off by staff, or by the worker after persistent failure. */
  disabledReason: z.enum(['manual', 'failing']).nullable(),
  createdAt: when,
  updatedAt: when,
});
export type WebhookEndpoint = z.infer<typeof WebhookEndpointSchema>;

/** Create (and the response of create and rotate) hold the signing secret; it is shown only then. */
export const WebhookEndpointWithSecretSchema = WebhookEndpointSchema.extend({ secret: z.string() });
export type WebhookEndpointWithSecret = z.infer<typeof WebhookEndpointWithSecretSchema>;

export const WebhookEndpointCreateSchema = z.object({
  url: WebhookUrlSchema,
  /** A note for the console (what the endpoint is for); free text like every `description`. */
  description: multiLine().max(500).default(''),
  eventTypes: z.array(SubscribableEventTypeSchema).min(1).max(SUBSCRIBABLE_EVENT_TYPES.length),
});
export type WebhookEndpointCreate = z.input<typeof WebhookEndpointCreateSchema>;

export const WebhookEndpointPatchSchema = z
  .object({
    url: WebhookUrlSchema,
    description: multiLine().max(500),
    eventTypes: z.array(SubscribableEventTypeSchema).min(1).max(SUBSCRIBABLE_EVENT_TYPES.length),
    enabled: z.boolean(),
  })
  .partial();
export type WebhookEndpointPatch = z.infer<typeof WebhookEndpointPatchSchema>;

export const WebhookEndpointParamsSchema = z.object({ endpointId: id });
export const WebhookDeliveryParamsSchema = z.object({ endpointId: id, deliveryId: id });
export const WebhookEndpointPageSchema = cursorPageOf(WebhookEndpointSchema);
export const WebhookEndpointListQuerySchema = CursorQuerySchema;

// --- Deliveries ------------------------------------------------------------------------------------

export const WebhookDeliveryStatusSchema = z.enum(['pending', 'succeeded', 'failed']);
export type WebhookDeliveryStatus = z.infer<typeof WebhookDeliveryStatusSchema>;

export const WebhookDeliverySchema = z.object({
  id,
  endpointId: id,
  eventId: id,
  eventType: EventTypeSchema,
  /** `pending` while tries remain (see nextAttemptAt), then `succeeded` (a 2xx) or `failed`. */
  status: WebhookDeliveryStatusSchema,
  attempts: z.number().int(),
  lastStatusCode: z.number().int().nullable(),
  lastDurationMs: z.number().int().nullable(),
  /** The first 500 characters of the last response body, or the network error. */
  lastResponse: z.string().nullable(),
  lastAttemptAt: when.nullable(),
  nextAttemptAt: when.nullable(),
  createdAt: when,
});
export type WebhookDelivery = z.infer<typeof WebhookDeliverySchema>;

export const WebhookDeliveryDetailSchema = WebhookDeliverySchema.extend({
  /** The JSON body sent (the same on every try). */
  requestBody: z.string(),
  /** The headers of the last try (signature included: it signs only this body and time). */
  requestHeaders: z.record(z.string(), z.string()).nullable(),
});
export type WebhookDeliveryDetail = z.infer<typeof WebhookDeliveryDetailSchema>;

export const WebhookDeliveryListQuerySchema = CursorQuerySchema.extend({ status: WebhookDeliveryStatusSchema.optional() });
export type WebhookDeliveryListQuery = z.infer<typeof WebhookDeliveryListQuerySchema>;
export const WebhookDeliveryPageSchema = cursorPageOf(WebhookDeliverySchema);

/** "Redeliver an event": the event (by id) sent again to this endpoint as a new delivery. */
export const WebhookRedeliverEventSchema = z.object({ eventId: id });

/** The signing secret's form: `whsec_` and base64 of 32 random bytes (Standard Webhooks). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

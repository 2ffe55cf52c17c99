import { EVENT_TYPES, type EventType, webhookEnvelopeSchema } from '@portico/shared/contracts/webhooks';
import { z } from 'zod';

const U = (n: number) => `0b6f${String(n).padStart(4, '0')}-5c1e-4a8e-9d3b-2f7a1c9e${String(n).padStart(4, '0')}`;

/** One example payload per event type (checked against the contract by openapi-webhooks.test.ts). */
export const EVENT_EXAMPLES: Record<EventType, unknown> = {
  'message.created': { messageId: U(1), threadId: U(2), customerId: U(3), author: 'tenant' },
  'case.created': { caseId: U(4), number: '2026-0042', customerId: U(3), status: 'new', type: 'fault', assigneeId: null },
  'case.updated': { caseId: U(4), changes: ['status'], status: 'in_progress', previousStatus: 'new', assigneeId: U(5) },
  'case.reply_created': { caseId: U(4), replyId: U(6), author: 'staff', internal: false },
  'customer.created': { customerId: U(3), externalId: 'ERP-1001' },
  'customer.updated': { customerId: U(3), externalId: 'ERP-1001', changes: ['email', 'contacts'] },
  'lease.created': { leaseId: U(7), customerId: U(3), unitIds: [U(8)], status: 'active', externalId: 'L-77' },
  'lease.updated': {
    leaseId: U(7),
    customerId: U(3),
    unitIds: [U(8)],
    status: 'terminated',
    externalId: 'L-77',
    changes: ['status', 'validTo'],
  },
  'portal_user.created': { portalUserId: U(9), customerIds: [U(3)] },
  'invoice.created': {
    invoiceId: U(11),
    number: '10042',
    kind: 'notice',
    customerId: U(3),
    leaseId: U(7),
    totalMinor: 845000,
    currency: 'SEK',
    dueDate: '2027-02-26',
    externalId: null,
  },
  'payment.received': {
    paymentId: U(12),
    customerId: U(3),
    amountMinor: 845000,
    currency: 'SEK',
    paidOn: '2027-02-25',
    source: 'bgmax',
    allocations: [{ invoiceId: U(11), amountMinor: 845000 }],
  },
  'mandate.updated': { mandateId: U(13), customerId: U(3), leaseId: U(7), kind: 'autogiro', status: 'active', previousStatus: 'pending' },
  'webhook.test': { endpointId: U(10), message: 'Test event from Portico' },
};

const SUMMARIES: Record<EventType, string> = {
  'message.created': 'A message was written in a thread (by staff or a tenant)',
  'case.created': 'A case was reported or opened',
  'case.updated': 'A case changed status or assignee (`changes` says which)',
  'case.reply_created': 'A reply or an internal note was added to a case',
  'customer.created': 'A customer was created (console, import or upsert)',
  'customer.updated': 'A customer or its contacts changed (`changes` names the fields)',
  'lease.created': 'A lease was created',
  'lease.updated': 'A lease changed: fields, status (terminated, ended) or archived',
  'portal_user.created': 'A person registered for the portal or got access to a customer',
  'invoice.created': 'A rent notice, single charge or credit note was issued',
  'payment.received': 'A payment was booked (file import, by hand, direct debit) or assigned from the unmatched queue',
  'mandate.updated': 'A direct-debit mandate was created, activated, rejected or cancelled',
  'webhook.test': 'Sent by "send test event" only',
};

const header = (name: string, description: string) => ({
  name,
  in: 'header' as const,
  required: true,
  description,
  schema: { type: 'string' },
});

/**
 * The OpenAPI 3.1 `webhooks` section: one entry per event type with its envelope and payload
 * schema (from the shared contract), the Standard Webhooks headers and an example.
 */
/** Typed loosely: the swagger options' OpenAPI typings are not a dependency of ours (openapi-types). */
export function openapiWebhooks(): Record<string, never> {
  return Object.fromEntries(
    EVENT_TYPES.map((type) => [
      type,
      {
        post: {
          summary: SUMMARIES[type],
          description:
            'POSTed to each enabled endpoint subscribed to this type, signed per Standard Webhooks (verify with the `standardwebhooks` package and the endpoint secret). ' +
            'Any 2xx within 10 s is success; otherwise Portico retries (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h). The same event is in `GET /api/v1/events`.',
          tags: ['webhooks'],
          parameters: [
            header('webhook-id', 'The event id: the same on every retry and redelivery (use it to drop duplicates).'),
            header('webhook-timestamp', 'Unix seconds when this try was signed.'),
            header('webhook-signature', '`v1,<base64 HMAC-SHA256>` of `id.timestamp.body` with the endpoint secret.'),
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': {
                // JSON Schema 2020-12 is OpenAPI 3.1's schema dialect; the typings only differ in detail.
                schema: z.toJSONSchema(webhookEnvelopeSchema(type), { target: 'draft-2020-12', io: 'output' }),
                example: { type, timestamp: '2026-11-30T12:00:00.000Z', data: EVENT_EXAMPLES[type] },
              },
            },
          },
          responses: { '2XX': { description: 'Received. Anything else (or no answer within 10 s) is retried.' } },
        },
      },
    ]),
  ) as Record<string, never>;
}

import { z } from 'zod';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { isoDateTime, multiLine } from '../text';
import {
  ContentPropertySchema,
  ContentTargetSchema,
  ContentTitleSchema,
  MarkdownSchema,
  NoticeKindSchema,
  NoticeStateSchema,
  PortalNoticeSchema,
} from './content';

/**
 * Operational information (driftsinformation, issue 12 §1): staff publish notices about a
 * disruption or planned work at some properties (or all); tenants of those properties see the
 * current and planned ones; urgent ones also go out by e-mail/SMS.
 */

/**
 * The one rule for a notice's state (API and both SPAs use it): resolved when staff resolved it or
 * its end has passed; planned while its start lies ahead; current otherwise.
 */
export type NoticeState = z.infer<typeof NoticeStateSchema>;

export function noticeState(
  n: { startsAt: Date | string; endsAt: Date | string | null; resolvedAt: Date | string | null },
  now: Date = new Date(),
): NoticeState {
  const t = now.getTime();
  if (n.resolvedAt !== null) return 'resolved';
  if (n.endsAt !== null && new Date(n.endsAt).getTime() <= t) return 'resolved';
  return new Date(n.startsAt).getTime() > t ? 'planned' : 'current';
}

/** How an urgent notice (or an update to it) goes out, besides the portal. */
export const NoticeChannelsSchema = z.object({ email: z.boolean(), sms: z.boolean() });
export type NoticeChannels = z.infer<typeof NoticeChannelsSchema>;

/** An update's own text, shown in the notice's history. */
export const NoticeCommentSchema = multiLine().max(5_000);

const endsAfterStart = (v: { startsAt?: string | undefined; endsAt?: string | null | undefined }) =>
  !v.startsAt || !v.endsAt || new Date(v.endsAt).getTime() > new Date(v.startsAt).getTime();
const endsAfterStartIssue = { message: 'The end must be after the start', path: ['endsAt'] };

export const NoticeCreateSchema = z
  .object({
    kind: NoticeKindSchema,
    urgent: z.boolean().default(false),
    /** For urgent notices: which channels carry it (each person's preference still applies). */
    channels: NoticeChannelsSchema.default({ email: true, sms: false }),
    title: ContentTitleSchema,
    body: MarkdownSchema,
    startsAt: isoDateTime(),
    /** Open-ended (until resolved) when null or left out. */
    endsAt: isoDateTime().nullable().optional(),
    target: ContentTargetSchema,
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => !v.urgent || v.channels.email || v.channels.sms, {
    message: 'An urgent notice goes out by e-mail, SMS or both',
    path: ['channels'],
  });
export type NoticeCreate = z.infer<typeof NoticeCreateSchema>;

export const NoticePatchSchema = z
  .object({
    kind: NoticeKindSchema.optional(),
    title: ContentTitleSchema.optional(),
    body: MarkdownSchema.optional(),
    startsAt: isoDateTime().optional(),
    endsAt: isoDateTime().nullable().optional(),
    target: ContentTargetSchema.optional(),
    /** Shown in the notice's history beside "updated" (e.g. "Now expected to be fixed by 14:00"). */
    comment: NoticeCommentSchema.optional(),
    /** An urgent notice's update can go out again, by these channels. */
    notify: NoticeChannelsSchema.optional(),
  })
  .refine(endsAfterStart, endsAfterStartIssue);
export type NoticePatch = z.infer<typeof NoticePatchSchema>;

export const NoticeResolveSchema = z.object({ comment: NoticeCommentSchema.optional() });
export type NoticeResolve = z.infer<typeof NoticeResolveSchema>;

export const NoticeParamsSchema = z.object({ noticeId: z.uuid() });

export const NoticeListQuerySchema = CursorQuerySchema.extend({
  state: NoticeStateSchema.optional(),
  /** Notices concerning this property (listed for it, or for all properties). */
  propertyId: z.uuid().optional(),
});
export type NoticeListQuery = z.infer<typeof NoticeListQuerySchema>;

export const NoticeSummarySchema = z.object({
  id: z.uuid(),
  kind: NoticeKindSchema,
  state: NoticeStateSchema,
  urgent: z.boolean(),
  title: z.string(),
  startsAt: z.iso.datetime({ offset: true }),
  endsAt: z.iso.datetime({ offset: true }).nullable(),
  resolvedAt: z.iso.datetime({ offset: true }).nullable(),
  allProperties: z.boolean(),
  properties: z.array(ContentPropertySchema),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
});
export type NoticeSummary = z.infer<typeof NoticeSummarySchema>;
export const NoticePageSchema = cursorPageOf(NoticeSummarySchema);
export type NoticePage = z.infer<typeof NoticePageSchema>;

export const NOTICE_HISTORY_KINDS = ['published', 'updated', 'resolved'] as const;
export const NoticeHistoryEntrySchema = z.object({
  id: z.uuid(),
  kind: z.enum(NOTICE_HISTORY_KINDS),
  /** Sanitised HTML of the update's text; empty when staff gave none. */
  bodyHtml: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type NoticeHistoryEntry = z.infer<typeof NoticeHistoryEntrySchema>;

export const DELIVERY_STATES = ['queued', 'sent', 'failed'] as const;
const DeliveryCountsSchema = z.object({ queued: z.number().int(), sent: z.number().int(), failed: z.number().int() });

export const NoticeDetailSchema = NoticeSummarySchema.extend({
  body: z.string(),
  bodyHtml: z.string(),
  history: z.array(NoticeHistoryEntrySchema),
  /** Urgent notices: how the e-mails and SMS went, per channel (the rows: `/deliveries`). */
  deliveries: z.object({ email: DeliveryCountsSchema, sms: DeliveryCountsSchema }),
});
export type NoticeDetail = z.infer<typeof NoticeDetailSchema>;

export const NoticeDeliveryQuerySchema = CursorQuerySchema.extend({ state: z.enum(DELIVERY_STATES).optional() });
export type NoticeDeliveryQuery = z.infer<typeof NoticeDeliveryQuerySchema>;
export const NoticeDeliverySchema = z.object({
  /** The outbox row: `POST /deliveries/:id/retry` sends a failed one again. */
  id: z.uuid(),
  customerId: z.uuid().nullable(),
  customerName: z.string().nullable(),
  recipientName: z.string(),
  /** The e-mail address or phone number it went to. */
  to: z.string(),
  channel: z.enum(['email', 'sms']),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  sentAt: z.iso.datetime({ offset: true }).nullable(),
});
export type NoticeDelivery = z.infer<typeof NoticeDeliverySchema>;
export const NoticeDeliveryPageSchema = cursorPageOf(NoticeDeliverySchema);
export type NoticeDeliveryPage = z.infer<typeof NoticeDeliveryPageSchema>;

/** `GET /portal/operational-notices/:id`: the notice with its history. */
export const PortalNoticeDetailSchema = PortalNoticeSchema.extend({ history: z.array(NoticeHistoryEntrySchema) });
export type PortalNoticeDetail = z.infer<typeof PortalNoticeDetailSchema>;

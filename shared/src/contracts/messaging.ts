import { z } from 'zod';
import { BOXES } from '../list-params';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { multiLine, oneLine } from '../text';
import { LeaseRefSchema } from './auth';

export const DeliveryStateSchema = z.enum(['queued', 'sent', 'failed']);
export type DeliveryState = z.infer<typeof DeliveryStateSchema>;

export const ALLOWED_UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/gif', 'image/webp', 'image/heic', 'application/pdf'] as const;
export { MAX_UPLOAD_BYTES } from '../limits';
export const MAX_ATTACHMENTS = 10;

export const AttachmentSchema = z.object({
  id: z.uuid(),
  filename: z.string(),
  contentType: z.string(),
  size: z.number().int(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

export const AuthorKindSchema = z.enum(['staff', 'tenant']);
export type AuthorKind = z.infer<typeof AuthorKindSchema>;

export const MessageSchema = z.object({
  id: z.uuid(),
  authorKind: AuthorKindSchema,
  authorName: z.string(),
  body: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  attachments: z.array(AttachmentSchema),
  /** Delivery of the e-mail this message caused; null where none was sent. */
  delivery: DeliveryStateSchema.nullable(),
});
export type Message = z.infer<typeof MessageSchema>;

export const ThreadSummarySchema = z.object({
  id: z.uuid(),
  subject: z.string(),
  customer: z.object({ id: z.uuid(), name: z.string() }),
  lease: LeaseRefSchema,
  lastMessageAt: z.iso.datetime({ offset: true }),
  lastMessagePreview: z.string(),
  lastAuthorKind: AuthorKindSchema,
  messageCount: z.number().int(),
  unread: z.boolean(),
});
export type ThreadSummary = z.infer<typeof ThreadSummarySchema>;

export const ThreadDetailSchema = ThreadSummarySchema.extend({
  messages: z.array(MessageSchema),
  /** Tenant side only matters to staff: whether the customer can answer in the portal. */
  customerHasPortalUser: z.boolean(),
});
export type ThreadDetail = z.infer<typeof ThreadDetailSchema>;

export const ThreadPageSchema = cursorPageOf(ThreadSummarySchema);
export type ThreadPage = z.infer<typeof ThreadPageSchema>;

export const BoxSchema = z.enum(BOXES);
export type Box = z.infer<typeof BoxSchema>;

export const ThreadListQuerySchema = CursorQuerySchema.extend({
  box: BoxSchema.default('inbox'),
  leaseId: z.uuid().optional(),
  customerId: z.uuid().optional(),
});
export type ThreadListQuery = z.infer<typeof ThreadListQuerySchema>;

export const ThreadParamsSchema = z.object({ threadId: z.uuid() });
export const AttachmentParamsSchema = z.object({ attachmentId: z.uuid() });

const messageContent = {
  body: multiLine().min(1).max(20_000),
  attachmentIds: z.array(z.uuid()).max(MAX_ATTACHMENTS).default([]),
};

export const ReplyBodySchema = z.object(messageContent);
export type ReplyBody = z.infer<typeof ReplyBodySchema>;

export const PortalNewThreadBodySchema = z.object({
  leaseId: z.uuid(),
  subject: oneLine().min(1).max(200),
  ...messageContent,
});
export type PortalNewThreadBody = z.infer<typeof PortalNewThreadBodySchema>;

export const StaffNewThreadBodySchema = PortalNewThreadBodySchema.extend({ customerId: z.uuid() });
export type StaffNewThreadBody = z.infer<typeof StaffNewThreadBodySchema>;

/** Unread counts stop here; the UI shows "99+" when `capped`. */
export const UNREAD_CAP = 99;
export const UnreadCountSchema = z.object({
  /** Unread threads in the inbox, at most UNREAD_CAP. */
  inbox: z.number().int().min(0).max(UNREAD_CAP),
  /** True when there are more than UNREAD_CAP. */
  capped: z.boolean(),
});
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

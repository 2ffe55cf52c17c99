import { z } from 'zod';
import { LocaleSchema } from './locale';

export const NOTIFICATION_QUEUE = 'notifications';
export const DELIVER_JOB = 'deliver';

/** A queued job carries only the outbox row id; the row holds the payload. */
export const DeliverJobSchema = z.object({ outboxId: z.string().uuid() });
export type DeliverJob = z.infer<typeof DeliverJobSchema>;

const base = { to: z.string(), locale: LocaleSchema, landlordName: z.string() };

/** A file the mailer attaches, read from storage at send time by its key. */
export const StoredAttachmentSchema = z.object({
  storageKey: z.uuid(),
  filename: z.string().regex(/^[\w.-]{1,100}$/),
  contentType: z.enum(['application/pdf']),
});
export type StoredAttachment = z.infer<typeof StoredAttachmentSchema>;

/** Every notification the product sends, by template. Stored in outbox.payload. */
export const NotificationSchema = z.discriminatedUnion('template', [
  z.object({
    template: z.literal('staff_new_tenant_message'),
    ...base,
    customerName: z.string(),
    subject: z.string(),
    body: z.string(),
    link: z.string(),
  }),
  z.object({
    template: z.literal('tenant_new_staff_message'),
    ...base,
    subject: z.string(),
    body: z.string(),
    /** Absent when the landlord has the portal switched off: the e-mail is then all there is. */
    link: z.string().optional(),
    /** Set when the recipient has no portal user yet: the e-mail doubles as the invitation. */
    invitationLink: z.string().optional(),
  }),
  z.object({
    template: z.literal('invitation'),
    ...base,
    customerName: z.string(),
    link: z.string(),
  }),
  /** Issue 9: a colleague invited to the console; the link sets a password and signs them in. */
  z.object({
    template: z.literal('staff_invitation'),
    ...base,
    name: z.string(),
    inviterName: z.string(),
    link: z.string(),
  }),
  /** Issue 10: a webhook endpoint failed for days and was switched off; to the landlord's admins. */
  z.object({
    template: z.literal('webhook_endpoint_disabled'),
    ...base,
    url: z.string(),
    link: z.string(),
  }),
  z.object({
    template: z.literal('password_reset'),
    ...base,
    link: z.string(),
  }),
  /** A reset asked for an address with no active account: its owner learns that, the asker nothing. */
  z.object({
    template: z.literal('password_reset_no_account'),
    ...base,
    audience: z.enum(['staff', 'portal']),
  }),
  /** A sign-up or an e-mail change named an address that already has an account: its owner is told, not the asker. */
  z.object({
    template: z.literal('email_in_use'),
    ...base,
    link: z.string(),
  }),
  /** Seed 001: the sign-up verification, by e-mail (code and link) or SMS (code only). */
  z.object({
    template: z.literal('signup_code'),
    ...base,
    code: z.string(),
    link: z.string().optional(),
  }),
  z.object({
    template: z.literal('email_change_activation'),
    ...base,
    link: z.string(),
  }),
  /** Sent to the old address, so a hijacked account does not change its e-mail silently. */
  z.object({
    template: z.literal('email_change_notice'),
    ...base,
    newEmail: z.string(),
  }),
  /** Seed 001: "bekräftelsemail" with a link to the case. */
  z.object({
    template: z.literal('case_confirmation'),
    ...base,
    caseNumber: z.string(),
    title: z.string(),
    link: z.string(),
  }),
  /** To the reporter and followers: a public reply or a status change. */
  z.object({
    template: z.literal('case_update'),
    ...base,
    caseNumber: z.string(),
    title: z.string(),
    status: z.string().optional(),
    body: z.string().optional(),
    link: z.string(),
  }),
  /** To the assignee: a new or assigned case, or a tenant's reply. */
  z.object({
    template: z.literal('case_staff_update'),
    ...base,
    caseNumber: z.string(),
    title: z.string(),
    body: z.string(),
    link: z.string(),
  }),
  /** Seed 001 related case: information from the landlord, by e-mail and optionally SMS. */
  z.object({
    template: z.literal('case_information'),
    ...base,
    title: z.string(),
    body: z.string(),
    link: z.string().optional(),
  }),
  /** Issue 11 §4: a direct-debit mandate became active, or staff cancelled it. */
  z.object({
    template: z.literal('mandate_updated'),
    ...base,
    kind: z.enum(['autogiro', 'betalingsservice']),
    status: z.enum(['active', 'cancelled']),
    leaseNumber: z.string(),
    link: z.string().optional(),
  }),
  /** Issue 11: a notice was issued (its PDF exists); the PDF is attached when the landlord wants it. */
  z.object({
    template: z.literal('notice_issued'),
    ...base,
    number: z.string(),
    /** "mars 2027", in the recipient's language; null on charges and credit notes without a period. */
    period: z.string().nullable(),
    /** Formatted in the recipient's language (`8 450,00 kr`). */
    amount: z.string(),
    dueDate: z.iso.date(),
    /** Where and with what to pay; null when a mandate pays it or nothing is to pay. */
    payTo: z.object({ account: z.string(), reference: z.string() }).nullable(),
    directDebit: z.boolean(),
    link: z.string(),
    /** Files in storage the mailer reads when it sends (never the bytes in the outbox row). */
    attachments: z.array(StoredAttachmentSchema).max(5).optional(),
  }),
  /** Issue 11: an open notice is past due + the landlord's reminder days. */
  z.object({
    template: z.literal('notice_reminder'),
    ...base,
    number: z.string(),
    /** "mars 2027" or the notice number. */
    what: z.string(),
    amount: z.string(),
    dueDate: z.iso.date(),
    payTo: z.object({ account: z.string(), reference: z.string() }).nullable(),
    link: z.string(),
  }),
  // --- Issue 12, OPS: an urgent operational notice (or an update to it), by e-mail and/or SMS ---
  z.object({
    template: z.literal('operational_notice'),
    ...base,
    /** The recipient's name, for the greeting and the console's delivery list. */
    name: z.string(),
    kind: z.enum(['disruption', 'planned_work']),
    /** An update to a notice already sent, rather than its first announcement. */
    update: z.boolean(),
    title: z.string(),
    /** Plain text (from the Markdown), with an update's own text first. */
    body: z.string(),
    /** "1 dec. 2026 08:00" in the recipient's language. */
    when: z.string(),
    link: z.string(),
  }),

  // --- Issue 12, DOCS: a new document for a customer (or one of its leases) -----------------------
  z.object({
    template: z.literal('document_added'),
    ...base,
    title: z.string(),
    link: z.string(),
  }),
]);

/** Templates that may also go out as SMS. */
export const SMS_TEMPLATES = ['signup_code', 'case_information', 'operational_notice'] as const;
export type Notification = z.infer<typeof NotificationSchema>;
export type NotificationTemplate = Notification['template'];

/** Imports (issue 9): dry runs and commits of files above IMPORT_WORKER_THRESHOLD rows. */
export const IMPORT_QUEUE = 'imports';
export const IMPORT_JOB = 'import';

/**
 * A queued run of an import: which import, which run of it (a job of an earlier run does
 * nothing), its landlord and the staff user it acts for. The import row holds the rest.
 */
export const ImportJobSchema = z.object({
  importId: z.uuid(),
  landlordId: z.uuid(),
  run: z.number().int().min(1),
  actorId: z.uuid(),
});
export type ImportJob = z.infer<typeof ImportJobSchema>;

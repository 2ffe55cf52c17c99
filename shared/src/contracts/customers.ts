import { z } from 'zod';
import type { ErrorCode } from '../errors';
import {
  type ParsedIdentity,
  parseDanishCpr,
  parseDanishCvr,
  parseSwedishOrgNumber,
  parseSwedishPersonalNumber,
} from '../formats/identity';
import { mobileToE164 } from '../formats/phone';
import { LocaleSchema } from '../locale';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { oneLine } from '../text';
import { IdentityNumberInputSchema } from './accounts';
import { EmailSchema, LeaseRefSchema, PortalRoleSchema } from './auth';
import { ArchivedFilterSchema, ExternalIdSchema } from './records';

export const CustomerKindSchema = z.enum(['person', 'company']);
export type CustomerKind = z.infer<typeof CustomerKindSchema>;
export type Country = 'SE' | 'DK';

/**
 * The identity number a customer of this kind may carry in the landlord's country (STANDARDS.md §7):
 * a person has a personnummer / samordningsnummer (SE) or CPR (DK); a company an organisationsnummer
 * (SE; a sole trader's is the owner's personnummer) or CVR (DK). Without a country (a form that does
 * not know it yet) either country's format passes; the API always checks with the landlord's.
 */
export function parseCustomerIdentity(kind: CustomerKind, value: string, country?: Country): ParsedIdentity | null {
  const se = country !== 'DK';
  const dk = country !== 'SE';
  if (kind === 'person') return (se ? parseSwedishPersonalNumber(value) : null) ?? (dk ? parseDanishCpr(value) : null);
  return (se ? (parseSwedishOrgNumber(value) ?? parseSwedishPersonalNumber(value)) : null) ?? (dk ? parseDanishCvr(value) : null);
}

/** A mobile number in E.164 for the landlord's country (SE or DK when unknown), or null. */
export const parseMobile = (value: string, country?: Country) =>
  country ? mobileToE164(value, country) : (mobileToE164(value, 'SE') ?? mobileToE164(value, 'DK'));

/** A zod issue carrying an API error code (see shared/src/text.ts `textIssue`): forms show `t(message)`. */
const codeIssue = (code: ErrorCode, input: unknown, path?: string[]) => ({
  code: 'custom' as const,
  message: `errors:${code}`,
  params: { code },
  input,
  ...(path ? { path } : {}),
});

/** A mobile number as typed ("070-123 45 67", "+45 12 34 56 78"); stored in E.164. */
export const MobileSchema = oneLine()
  .max(30)
  .check(
    z.superRefine<string>((value, ctx) => {
      if (!parseMobile(value)) ctx.addIssue(codeIssue('mobile_invalid', value));
    }),
  );

const optionalText = (max: number) => oneLine().min(1).max(max).nullable().optional();

export const ContactInputSchema = z.object({
  name: oneLine().min(1).max(200),
  email: EmailSchema.nullable().optional(),
  phone: MobileSchema.nullable().optional(),
  locale: LocaleSchema.nullable().optional(),
});
export type ContactInput = z.infer<typeof ContactInputSchema>;

/**
 * What staff decide when they change the e-mail of a contact who has a portal user (docs/landlord-data.md):
 * `keep` changes only the landlord's record (the person's sign-in stays theirs); `reinvite` detaches the
 * portal user from this customer and invites the new address with the same role, in one step.
 */
export const PortalUserChoiceSchema = z.enum(['keep', 'reinvite']);
export type PortalUserChoice = z.infer<typeof PortalUserChoiceSchema>;

export const ContactUpdateSchema = ContactInputSchema.partial().extend({ portalUser: PortalUserChoiceSchema.optional() });
export type ContactUpdate = z.infer<typeof ContactUpdateSchema>;

export const ContactSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  locale: LocaleSchema.nullable(),
  /** none: never invited; invited: an unused, unexpired invitation exists; registered: has a portal user. */
  portalState: z.enum(['none', 'invited', 'registered']),
  /** The portal user's sign-in e-mail, when registered (may differ from the contact's after a `keep`). */
  portalEmail: z.string().nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

/** The fields staff edit (create, update and the import's upsert share them). */
export const CustomerFieldsSchema = z.object({
  kind: CustomerKindSchema,
  name: oneLine().min(1).max(200),
  /** Personnummer / CPR for a person, organisationsnummer / CVR for a company, as typed; stored normalised. */
  identityNumber: IdentityNumberInputSchema.nullable().optional(),
  email: EmailSchema.nullable().optional(),
  phone: MobileSchema.nullable().optional(),
  locale: LocaleSchema.nullable().optional(),
  street: optionalText(200),
  postalCode: optionalText(20),
  city: optionalText(100),
  externalId: ExternalIdSchema.nullable().optional(),
});

/** Checks the identity number against the kind (either country's format: the API narrows to the landlord's). */
const identityRule = z.superRefine<{ kind: CustomerKind; identityNumber?: string | null | undefined }>((value, ctx) => {
  if (value.identityNumber && !parseCustomerIdentity(value.kind, value.identityNumber))
    ctx.addIssue(codeIssue('identity_number_invalid', value.identityNumber, ['identityNumber']));
});

/** A new customer; a person without contacts gets one made from its own name, e-mail, mobile and language. */
export const CustomerCreateSchema = CustomerFieldsSchema.extend({ contacts: z.array(ContactInputSchema).max(50).optional() }).check(
  identityRule,
);
export type CustomerCreate = z.infer<typeof CustomerCreateSchema>;

/** Every field but the kind (fixed at creation: a person does not become a company). */
export const CustomerUpdateSchema = CustomerFieldsSchema.omit({ kind: true }).partial();
export type CustomerUpdate = z.infer<typeof CustomerUpdateSchema>;

/**
 * The import's and integrators' row: matched on `externalId`; contacts matched within the customer by
 * e-mail (or by name when a contact has no e-mail). Contacts not in the input are left as they are.
 */
const CustomerUpsertFieldsSchema = CustomerFieldsSchema.extend({
  externalId: ExternalIdSchema,
  contacts: z.array(ContactInputSchema).max(50).default([]),
});
export const CustomerUpsertSchema = CustomerUpsertFieldsSchema.check(identityRule);
export type CustomerUpsertInput = z.input<typeof CustomerUpsertSchema>;
/** `PUT /customers/by-external-id/{externalId}`: the upsert without its external id (the path names it). */
export const CustomerPutSchema = CustomerUpsertFieldsSchema.omit({ externalId: true })
  .check(identityRule)
  .meta({
    examples: [
      {
        kind: 'company',
        name: 'Kontorsbolaget i Göteborg AB',
        email: 'ekonomi@kontorsbolaget.example',
        street: 'Kungsgatan 2',
        postalCode: '411 19',
        city: 'Göteborg',
        contacts: [{ name: 'Lars Nilsson', email: 'lars.nilsson@kontorsbolaget.example', phone: '+46701234567', locale: 'sv' }],
      },
    ],
  });
export type CustomerPut = z.output<typeof CustomerPutSchema>;

export const CustomerSummarySchema = z.object({
  id: z.uuid(),
  kind: CustomerKindSchema,
  name: z.string(),
  identityNumber: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  archivedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  leases: z.array(LeaseRefSchema),
});
export type CustomerSummary = z.infer<typeof CustomerSummarySchema>;

export const CustomerDetailSchema = CustomerSummarySchema.extend({
  locale: LocaleSchema.nullable(),
  street: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  externalId: z.string().nullable(),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The landlord's country: which identity formats apply (for the edit form). */
  country: z.enum(['SE', 'DK']),
  contacts: z.array(ContactSchema),
});
export type CustomerDetail = z.infer<typeof CustomerDetailSchema>;

export const CustomerPageSchema = cursorPageOf(CustomerSummarySchema);
export type CustomerPage = z.infer<typeof CustomerPageSchema>;
export const CustomerSortSchema = z.enum(['name', 'created']);
export const CustomerListQuerySchema = CursorQuerySchema.extend({
  /** Name, e-mail, or identity number (exact, or the leading digits). */
  q: oneLine().max(100).optional(),
  kind: CustomerKindSchema.optional(),
  archived: ArchivedFilterSchema,
  sort: CustomerSortSchema.default('name'),
  dir: z.enum(['asc', 'desc']).default('asc'),
});
export type CustomerListQuery = z.infer<typeof CustomerListQuerySchema>;
export const CustomerParamsSchema = z.object({ customerId: z.uuid() });
export const ContactParamsSchema = z.object({ customerId: z.uuid(), contactId: z.uuid() });
export const CustomerUserParamsSchema = z.object({ customerId: z.uuid(), userId: z.uuid() });
export const CustomerInvitationParamsSchema = z.object({ customerId: z.uuid(), invitationId: z.uuid() });
export const CustomerRoleBodySchema = z.object({ role: PortalRoleSchema });

export const InvitationSentSchema = z.object({ contactId: z.uuid(), email: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export type InvitationSent = z.infer<typeof InvitationSentSchema>;

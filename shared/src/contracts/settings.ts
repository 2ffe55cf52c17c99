import { z } from 'zod';
import { brandColourProblem, parseSmsSender } from '../formats/branding';
import { parseDanishCvr, parseSwedishOrgNumber } from '../formats/identity';
import { parseBankgiro, parseBic, parseFiCreditor, parseIban, parsePlusgiro } from '../formats/payment';
import { LocaleSchema } from '../locale';
import { PasswordPolicySchema } from '../password-policy';
import { oneLine } from '../text';
import { EmailSchema } from './auth';

/** A zod issue carrying an API error code (see shared/src/text.ts `textIssue`). */
const issue = (code: string, input: unknown) => ({ code: 'custom' as const, message: `errors:${code}`, params: { code }, input });

/** A format from shared/src/formats: the field is normalised, or refused with its own code. */
function formatted(parse: (raw: string) => string | null, code: string) {
  return oneLine()
    .max(64)
    .transform((value, ctx) => {
      const parsed = parse(value);
      if (parsed === null) {
        ctx.addIssue(issue(code, value));
        return z.NEVER;
      }
      return parsed;
    });
}

/** The landlord's own organisationsnummer (SE, stored `NNNNNN-NNNN`) or CVR (DK, 8 digits). */
export function parseLandlordOrgNumber(raw: string): string | null {
  const se = parseSwedishOrgNumber(raw);
  if (se) return `${se.normalized.slice(0, 6)}-${se.normalized.slice(6)}`;
  return parseDanishCvr(raw)?.normalized ?? null;
}

/** Payment accounts: bankgiro and plusgiro (SE), FI creditor number (DK, +71), IBAN with BIC. All optional. */
export const PaymentAccountsSchema = z.object({
  bankgiro: z.string().optional(),
  plusgiro: z.string().optional(),
  fiCreditor: z.string().optional(),
  iban: z.string().optional(),
  bic: z.string().optional(),
});
export type PaymentAccounts = z.infer<typeof PaymentAccountsSchema>;

/** As sent: each present field is checked with its format; null (or "") removes it. */
export const PaymentAccountsInputSchema = z
  .object({
    bankgiro: formatted(parseBankgiro, 'bankgiro_invalid').nullable(),
    plusgiro: formatted(parsePlusgiro, 'plusgiro_invalid').nullable(),
    fiCreditor: formatted(parseFiCreditor, 'fi_creditor_invalid').nullable(),
    iban: formatted(parseIban, 'iban_invalid').nullable(),
    bic: formatted(parseBic, 'bic_invalid').nullable(),
  })
  .partial();
export type PaymentAccountsInput = z.input<typeof PaymentAccountsInputSchema>;

export const MAX_USEFUL_LINKS = 8;

export const UsefulLinkSchema = z.object({
  title: oneLine().min(1).max(80),
  url: oneLine()
    .max(500)
    .check(
      z.superRefine((value, ctx) => {
        let ok = false;
        try {
          const url = new URL(value);
          ok = url.protocol === 'https:' && Boolean(url.hostname) && !url.username && !url.password;
        } catch {
          ok = false;
        }
        if (!ok) ctx.addIssue(issue('link_not_https', value));
      }),
    ),
});
export type UsefulLink = z.infer<typeof UsefulLinkSchema>;

export const BrandColourSchema = oneLine().check(
  z.superRefine((value, ctx) => {
    const problem = brandColourProblem(value);
    if (problem) ctx.addIssue(issue(problem, value));
  }),
);

export const SmsSenderSchema = formatted(parseSmsSender, 'sms_sender_invalid');

export const PortalScopeSchema = z.enum(['all', 'selected']);
export type PortalScope = z.infer<typeof PortalScopeSchema>;

export const LandlordSettingsSchema = z.object({
  name: z.string(),
  country: z.enum(['SE', 'DK']),
  portalEnabled: z.boolean(),
  /** `selected`: only tenants with a lease in a property whose portal flag is on (seed 001's pilot). */
  portalScope: PortalScopeSchema,
  passwordPolicy: PasswordPolicySchema,
  defaultLocale: LocaleSchema,
  invoicesRequireStrongAuth: z.boolean(),
  /** Organisationsnummer / CVR: printed on notices and in the Swedish invoice QR. */
  orgNumber: z.string().nullable(),
  paymentAccounts: PaymentAccountsSchema,
  /** Null: the service's default sender. */
  smsSender: z.string().nullable(),
  /** Shown to tenants instead of `name` when set. */
  brandName: z.string().nullable(),
  /** #rrggbb; white text is used on it (it passes WCAG AA against white). */
  brandColour: z.string().nullable(),
  hasLogo: z.boolean(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  usefulLinks: z.array(UsefulLinkSchema),
});
export type LandlordSettings = z.infer<typeof LandlordSettingsSchema>;

export const LandlordSettingsPatchSchema = z
  .object({
    name: oneLine().min(1).max(200),
    portalEnabled: z.boolean(),
    portalScope: PortalScopeSchema,
    passwordPolicy: PasswordPolicySchema,
    defaultLocale: LocaleSchema,
    invoicesRequireStrongAuth: z.boolean(),
    orgNumber: formatted(parseLandlordOrgNumber, 'identity_number_invalid').nullable(),
    /** Merged into the stored accounts: a field left out stays, a null removes it. */
    paymentAccounts: PaymentAccountsInputSchema,
    smsSender: SmsSenderSchema.nullable(),
    brandName: oneLine().min(1).max(100).nullable(),
    brandColour: BrandColourSchema.nullable(),
    supportEmail: EmailSchema.nullable(),
    supportPhone: oneLine()
      .max(40)
      .regex(/^\+?[0-9 ()-]{5,40}$/)
      .nullable(),
    /** The whole list, in order (replaces the stored one). */
    usefulLinks: z.array(UsefulLinkSchema).max(MAX_USEFUL_LINKS),
  })
  .partial();
export type LandlordSettingsPatch = z.infer<typeof LandlordSettingsPatchSchema>;
export type LandlordSettingsPatchInput = z.input<typeof LandlordSettingsPatchSchema>;

/** What a tenant's portal shows of their landlord: branding, support contacts and useful links. */
export const PortalLandlordInfoSchema = z.object({
  landlordId: z.uuid(),
  displayName: z.string(),
  brandColour: z.string().nullable(),
  /** Path of the logo image under /api/v1/portal, or null. */
  logoUrl: z.string().nullable(),
  supportEmail: z.string().nullable(),
  supportPhone: z.string().nullable(),
  usefulLinks: z.array(UsefulLinkSchema),
});
export type PortalLandlordInfo = z.infer<typeof PortalLandlordInfoSchema>;

/** Before sign-in (sign-in help): the support contacts of the landlord(s) an address belongs to. */
export const SupportLookupSchema = z.object({ email: oneLine().toLowerCase().min(3).max(254) });
export const SupportContactsSchema = z.object({
  contacts: z.array(z.object({ displayName: z.string(), supportEmail: z.string().nullable(), supportPhone: z.string().nullable() })),
});
export type SupportContacts = z.infer<typeof SupportContactsSchema>;

/**
 * Issue 12 SHELL: before sign-in, by landlord id (`/login?landlord=<id>`, the link in invitations and
 * e-mails): what the sign-in page shows of the landlord. Public, like a contact page.
 */
export const PortalBrandingSchema = z.object({
  landlordId: z.uuid(),
  displayName: z.string(),
  brandColour: z.string().nullable(),
  /** Public path of the logo image, or null. */
  logoUrl: z.string().nullable(),
});
export type PortalBranding = z.infer<typeof PortalBrandingSchema>;

/** Section 4: what the new-landlord command takes (`npm run landlord:create -- --name … --country SE …`). */
export const NewLandlordSchema = z.object({
  name: oneLine().min(1).max(200),
  country: z.enum(['SE', 'DK']),
  defaultLocale: LocaleSchema,
  adminEmail: EmailSchema,
  adminName: oneLine().min(1).max(200),
});
export type NewLandlord = z.infer<typeof NewLandlordSchema>;

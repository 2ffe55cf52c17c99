import { z } from 'zod';
import { PasswordPolicySchema } from '../password-policy';
import { oneLine, verbatim } from '../text';
import { EmailSchema, PasswordInputSchema, PortalRoleSchema } from './auth';

/** Swedish personnummer / organisationsnummer or Danish CPR / CVR, as typed (separators allowed). */
export const IdentityNumberInputSchema = oneLine().min(8).max(20);

export const UsernameSchema = oneLine()
  .toLowerCase()
  .min(3)
  .max(64)
  .regex(/^[a-z0-9._@+-]+$/);

// --- Self sign-up by organisation number (seed 001) ---------------------------------------

export const SignupStartBodySchema = z.object({
  identityNumber: IdentityNumberInputSchema,
  username: UsernameSchema,
  password: PasswordInputSchema,
});
export type SignupStartBody = z.infer<typeof SignupStartBodySchema>;

export const VerificationChannelSchema = z.enum(['email', 'sms']);
export type VerificationChannel = z.infer<typeof VerificationChannelSchema>;

export const SignupStartedSchema = z.object({
  signupId: z.uuid(),
  /** The strictest policy among the matched landlords, for hints on later password forms. */
  passwordPolicy: PasswordPolicySchema,
  /** Where a code can go, masked (`k****@example.se`, `+46 70* *** *67`). */
  channels: z.array(z.object({ channel: VerificationChannelSchema, destination: z.string() })).min(1),
});
export type SignupStarted = z.infer<typeof SignupStartedSchema>;

/** Asked when the identity number is typed, so the password hint shows the landlord's real rule. */
export const SignupPolicyBodySchema = z.object({ identityNumber: IdentityNumberInputSchema });
/** Every policy a new password must meet (one per distinct landlord policy; `standard` when none is known). */
export const PasswordPoliciesSchema = z.object({ policies: z.array(PasswordPolicySchema).min(1) });
export type PasswordPolicies = z.infer<typeof PasswordPoliciesSchema>;

export const SignupParamsSchema = z.object({ signupId: z.uuid() });
export const SignupChannelBodySchema = z.object({ channel: VerificationChannelSchema });
export const SignupCodeSentSchema = z.object({
  channel: VerificationChannelSchema,
  destination: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SignupCodeSent = z.infer<typeof SignupCodeSentSchema>;

/** Either the 6-digit code typed in, or the token from the e-mailed link. */
export const SignupVerifyBodySchema = z.union([
  z.object({
    code: oneLine().regex(/^\d{6}$/),
  }),
  z.object({ token: verbatim().min(10).max(200) }),
]);
export type SignupVerifyBody = z.infer<typeof SignupVerifyBodySchema>;

export const SignupVerifiedSchema = z.object({
  signupId: z.uuid(),
  /** What the landlord has on record, to prefill the profile form. */
  profile: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }),
});
export type SignupVerified = z.infer<typeof SignupVerifiedSchema>;

export const PhoneSchema = oneLine().regex(/^\+?[0-9 ()-]{6,20}$/);

export const SignupCompleteBodySchema = z.object({
  name: oneLine().min(1).max(200),
  email: EmailSchema,
  phone: PhoneSchema.optional(),
});
export type SignupCompleteBody = z.infer<typeof SignupCompleteBodySchema>;

// --- Organisation: users and roles inside a tenant customer (seed 002) ----------------------

export const OrgMemberSchema = z.object({
  /** The portal user id, or the invitation id while invited. */
  id: z.uuid(),
  kind: z.enum(['user', 'invitation']),
  name: z.string(),
  email: z.string(),
  role: PortalRoleSchema,
  state: z.enum(['registered', 'invited', 'expired']),
  isMe: z.boolean(),
});
export type OrgMember = z.infer<typeof OrgMemberSchema>;
export const OrgMemberListSchema = z.object({ items: z.array(OrgMemberSchema) });
export type OrgMemberList = z.infer<typeof OrgMemberListSchema>;

export const OrgInviteBodySchema = z.object({
  email: EmailSchema,
  name: oneLine().min(1).max(200),
  role: PortalRoleSchema,
});
export type OrgInviteBody = z.infer<typeof OrgInviteBodySchema>;

export const OrgRoleBodySchema = z.object({ role: PortalRoleSchema });
export const OrgUserParamsSchema = z.object({ userId: z.uuid() });
export const OrgInvitationParamsSchema = z.object({ invitationId: z.uuid() });
export const StaffOrgInviteBodySchema = OrgInviteBodySchema.extend({ role: PortalRoleSchema.default('main_admin') });

// --- Account settings (seeds 002, 004) ---------------------------------------------------------

export const DeviceSessionSchema = z.object({
  id: z.uuid(),
  /** An English label ("Chrome on Linux"); clients in other languages build theirs from `browser` and `os`. */
  device: z.string(),
  browser: z.string().nullable(),
  os: z.string().nullable(),
  createdAt: z.iso.datetime({ offset: true }),
  lastUsedAt: z.iso.datetime({ offset: true }),
  remembered: z.boolean(),
  current: z.boolean(),
});
export type DeviceSession = z.infer<typeof DeviceSessionSchema>;
export const DeviceSessionListSchema = z.object({ items: z.array(DeviceSessionSchema) });
export type DeviceSessionList = z.infer<typeof DeviceSessionListSchema>;
export const SessionParamsSchema = z.object({ sessionId: z.uuid() });

export const ChangePasswordBodySchema = z.object({
  currentPassword: PasswordInputSchema,
  newPassword: PasswordInputSchema,
});
export type ChangePasswordBody = z.infer<typeof ChangePasswordBodySchema>;

export const EmailChangeBodySchema = z.object({
  newEmail: EmailSchema,
  password: PasswordInputSchema,
});
export type EmailChangeBody = z.infer<typeof EmailChangeBodySchema>;
export const EmailChangeStartedSchema = z.object({ pendingEmail: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export type EmailChangeStarted = z.infer<typeof EmailChangeStartedSchema>;
export const EmailChangeConfirmBodySchema = z.object({ token: verbatim().min(10).max(200) });

export const NOTIFICATION_KINDS = ['messages', 'cases', 'notices', 'invoices'] as const;
export const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;
const channels = z.object({ email: z.boolean(), sms: z.boolean() });
export const NotificationPreferencesSchema = z.object({
  messages: channels,
  cases: channels,
  notices: channels,
  invoices: channels,
});
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;
export const DEFAULT_NOTIFICATION_PREFERENCES: NotificationPreferences = {
  messages: { email: true, sms: false },
  cases: { email: true, sms: false },
  notices: { email: true, sms: true },
  invoices: { email: true, sms: false },
};

// --- Strong e-ID through an OIDC broker (seed 002, STANDARDS §8) ---------------------------

export const EidMethodSchema = z.enum(['se-bankid', 'dk-mitid']);
export type EidMethod = z.infer<typeof EidMethodSchema>;
export const EidIntentSchema = z.enum(['login', 'step-up', 'link']);
export const EidStartQuerySchema = z.object({
  method: EidMethodSchema,
  intent: EidIntentSchema.default('login'),
  /** A path inside the tenant portal to return to. */
  returnTo: oneLine()
    .regex(/^\/[^/\\]/)
    .max(500)
    .optional(),
});
export const EidPendingLinkSchema = z.object({
  requestId: z.uuid(),
  method: EidMethodSchema,
  /** The verified number from the e-ID, masked except the birth date part. */
  identityNumber: z.string(),
  name: z.string(),
});
export type EidPendingLink = z.infer<typeof EidPendingLinkSchema>;
export const EidLinkConfirmBodySchema = z.object({ requestId: z.uuid() });

import { z } from 'zod';
import { LocaleSchema } from '../locale';
import { PasswordPolicySchema } from '../password-policy';
import { oneLine, verbatim } from '../text';

export const EmailSchema = oneLine().toLowerCase().pipe(z.email().max(254));

/** Password length is checked by the policy, not here, so the answer names the rule. */
export const PasswordInputSchema = verbatim().min(1).max(1024);

export const LoginBodySchema = z.object({
  /** An e-mail address; in the portal also the username chosen at sign-up. */
  email: oneLine().toLowerCase().min(3).max(254),
  password: PasswordInputSchema,
  /** Seed 002: sign in once per device. Without it the session ends with the browser. */
  remember: z.boolean().default(false),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const StaffRoleSchema = z.enum(['admin', 'manager', 'finance', 'technician']);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const LandlordSummarySchema = z.object({
  id: z.uuid(),
  name: z.string(),
  defaultLocale: LocaleSchema,
  portalEnabled: z.boolean(),
  passwordPolicy: PasswordPolicySchema,
  invoicesRequireStrongAuth: z.boolean(),
});

export const StaffMeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  locale: LocaleSchema.nullable(),
  landlord: LandlordSummarySchema,
});
export type StaffMe = z.infer<typeof StaffMeSchema>;

export const PortalRoleSchema = z.enum(['main_admin', 'admin', 'user']);
export type PortalRole = z.infer<typeof PortalRoleSchema>;

export const LeaseRefSchema = z.object({
  id: z.uuid(),
  number: z.string(),
  unitType: z.string(),
  address: z.string(),
});
export type LeaseRef = z.infer<typeof LeaseRefSchema>;

export const MembershipSchema = z.object({
  customerId: z.uuid(),
  customerName: z.string(),
  role: PortalRoleSchema,
  /** A private customer whose only portal member is this user: company features (Organisation, Dashboard) are hidden. */
  household: z.boolean(),
  landlord: z.object({
    id: z.uuid(),
    name: z.string(),
    defaultLocale: LocaleSchema,
    invoicesRequireStrongAuth: z.boolean(),
    passwordPolicy: PasswordPolicySchema,
  }),
  leases: z.array(LeaseRefSchema),
});
export type Membership = z.infer<typeof MembershipSchema>;

export const PortalMeSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  username: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  locale: LocaleSchema.nullable(),
  /** An e-mail change waiting for activation from the new address. */
  pendingEmail: z.string().nullable(),
  /** The person's identity number has been verified by e-ID. */
  identityVerified: z.boolean(),
  /** This session was signed in, or stepped up, with strong e-ID. */
  strongAuth: z.boolean(),
  memberships: z.array(MembershipSchema),
});
export type PortalMe = z.infer<typeof PortalMeSchema>;

export const UpdateProfileBodySchema = z.object({
  locale: LocaleSchema.nullable().optional(),
  name: oneLine().min(1).max(200).optional(),
  phone: oneLine()
    .regex(/^\+?[0-9 ()-]{6,20}$/)
    .nullable()
    .optional(),
});
export type UpdateProfileBody = z.infer<typeof UpdateProfileBodySchema>;

export const PasswordResetRequestSchema = z.object({ email: EmailSchema });
export const PasswordResetConfirmSchema = z.object({
  token: verbatim().min(10).max(200),
  password: PasswordInputSchema,
});
export type PasswordResetConfirm = z.infer<typeof PasswordResetConfirmSchema>;

export const InvitationTokenParamsSchema = z.object({ token: verbatim().min(10).max(200) });

export const InvitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  customerName: z.string(),
  landlordName: z.string(),
  passwordPolicy: PasswordPolicySchema,
  locale: LocaleSchema,
  /** True when a portal user with this e-mail exists: accepting links the customer to it. */
  existingUser: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreviewSchema>;

export const InvitationAcceptSchema = z.object({
  name: oneLine().min(1).max(200),
  password: PasswordInputSchema,
});
export type InvitationAccept = z.infer<typeof InvitationAcceptSchema>;

export const InvitationAcceptedSchema = z.object({
  me: PortalMeSchema,
  customerId: z.uuid(),
  threadId: z.uuid().nullable(),
});
export type InvitationAccepted = z.infer<typeof InvitationAcceptedSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });
export type Ok = z.infer<typeof OkSchema>;

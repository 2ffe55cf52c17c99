import { z } from 'zod';
import { LocaleSchema } from '../locale';
import { CursorQuerySchema, cursorPageOf } from '../pagination';
import { PasswordPolicySchema } from '../password-policy';
import { oneLine } from '../text';
import { PhoneSchema } from './accounts';
import { EmailSchema, PasswordInputSchema, StaffMeSchema, StaffRoleSchema } from './auth';

/**
 * invited: has an invitation out (or cancelled) and has never set a password; active: may sign in;
 * deactivated: may not sign in, all sessions ended, name kept on what they wrote.
 */
export const StaffStatusSchema = z.enum(['invited', 'active', 'deactivated']);
export type StaffStatus = z.infer<typeof StaffStatusSchema>;

export const StaffUserSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role: StaffRoleSchema,
  locale: LocaleSchema.nullable(),
  /** Shown to tenants where the colleague is on a property's team (issue 12 §4). */
  phone: z.string().nullable(),
  status: StaffStatusSchema,
  /** The open invitation's expiry, when one is out. */
  invitationExpiresAt: z.iso.datetime({ offset: true }).nullable(),
  deactivatedAt: z.iso.datetime({ offset: true }).nullable(),
  createdAt: z.iso.datetime({ offset: true }),
});
export type StaffUser = z.infer<typeof StaffUserSchema>;

export const StaffPageSchema = cursorPageOf(StaffUserSchema);
export type StaffPage = z.infer<typeof StaffPageSchema>;

export const StaffListQuerySchema = CursorQuerySchema.extend({
  /** Matches name or e-mail. */
  q: oneLine().max(100).optional(),
  role: StaffRoleSchema.optional(),
  status: StaffStatusSchema.optional(),
});
export type StaffListQuery = z.infer<typeof StaffListQuerySchema>;

export const StaffParamsSchema = z.object({ staffId: z.uuid() });

export const StaffInviteSchema = z.object({
  email: EmailSchema,
  name: oneLine().min(1).max(200),
  role: StaffRoleSchema,
  /** The language of the invitation and the console; the landlord's default when absent. */
  locale: LocaleSchema.optional(),
});
export type StaffInvite = z.infer<typeof StaffInviteSchema>;

export const StaffPatchSchema = z
  .object({ role: StaffRoleSchema, name: oneLine().min(1).max(200), /** null clears it. */ phone: PhoneSchema.nullable() })
  .partial();
export type StaffPatch = z.infer<typeof StaffPatchSchema>;

// --- the invited person's side (public, by token) ---

export { InvitationTokenParamsSchema as StaffInvitationTokenParamsSchema } from './auth';

export const StaffInvitationPreviewSchema = z.object({
  email: z.string(),
  name: z.string(),
  landlordName: z.string(),
  passwordPolicy: PasswordPolicySchema,
  locale: LocaleSchema,
});
export type StaffInvitationPreview = z.infer<typeof StaffInvitationPreviewSchema>;

export const StaffInvitationAcceptSchema = z.object({ password: PasswordInputSchema, name: oneLine().min(1).max(200).optional() });
export type StaffInvitationAccept = z.infer<typeof StaffInvitationAcceptSchema>;

export { StaffMeSchema as StaffInvitationAcceptedSchema };

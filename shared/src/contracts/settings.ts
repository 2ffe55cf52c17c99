import { z } from 'zod';
import { LocaleSchema } from '../locale';
import { PasswordPolicySchema } from '../password-policy';
import { oneLine } from '../text';

export const LandlordSettingsSchema = z.object({
  name: z.string(),
  portalEnabled: z.boolean(),
  passwordPolicy: PasswordPolicySchema,
  defaultLocale: LocaleSchema,
  invoicesRequireStrongAuth: z.boolean(),
});
export type LandlordSettings = z.infer<typeof LandlordSettingsSchema>;

export const LandlordSettingsPatchSchema = z
  .object({
    name: oneLine().min(1).max(200),
    portalEnabled: z.boolean(),
    passwordPolicy: PasswordPolicySchema,
    defaultLocale: LocaleSchema,
    invoicesRequireStrongAuth: z.boolean(),
  })
  .partial();
export type LandlordSettingsPatch = z.infer<typeof LandlordSettingsPatchSchema>;

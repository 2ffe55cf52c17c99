import { z } from 'zod';
import { PASSWORD_POLICIES } from './password-rules';

export * from './password-rules';

export const PasswordPolicySchema = z.enum(PASSWORD_POLICIES);

import { LoginBodySchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import type { z } from 'zod';
import { blankAsMissing } from '@/lib/form';

/** The identifier is an e-mail address or the username chosen at sign-up; left empty it is "required". */
export const LoginFormSchema = LoginBodySchema.extend({ email: blankAsMissing(LoginBodySchema.shape.email) });
export type LoginFormValues = z.input<typeof LoginFormSchema>;
export type LoginFieldErrors = Partial<Record<'email' | 'password', string>>;

/** The contract's verdict on the form: the body to send, or a catalogue key per field (the first issue of each). */
export function checkLogin(values: LoginFormValues): { body: z.output<typeof LoginFormSchema> } | { errors: LoginFieldErrors } {
  const parsed = LoginFormSchema.safeParse(values, { error: formIssueKey });
  if (parsed.success) return { body: parsed.data };
  const errors: LoginFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if ((field === 'email' || field === 'password') && !errors[field]) errors[field] = issue.message;
  }
  return { errors };
}

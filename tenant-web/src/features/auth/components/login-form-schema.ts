import { zodResolver } from '@hookform/resolvers/zod';
import { LoginBodySchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import type { z } from 'zod';
import { blankAsMissing } from '@/lib/form';

/** The identifier is an e-mail address or the username chosen at sign-up; left empty it is "required". */
export const LoginFormSchema = LoginBodySchema.extend({ email: blankAsMissing(LoginBodySchema.shape.email) });
export type LoginFormInput = z.input<typeof LoginFormSchema>;
export type LoginFormOutput = z.output<typeof LoginFormSchema>;

export const loginResolver = zodResolver(LoginFormSchema, { error: formIssueKey });

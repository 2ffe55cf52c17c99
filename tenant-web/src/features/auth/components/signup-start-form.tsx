import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { SignupStartBodySchema, type SignupStarted } from '@portico/shared/contracts/accounts';
import { ApiRequestError } from '@portico/shared/http';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { errorParams, errorText } from '@/lib/errors';
import { blankAsMissing, formIssueKeyWithHints } from '@/lib/form';
import { useSignupPolicies } from '../api/get-signup-policies';
import { useStartSignup } from '../api/start-signup';
import { isPasswordError, policyFromError } from '../utils/policy-from-error';
import { PasswordHints } from './password-hints';

/** The contract's fields (left empty they are "required"), and the form's own repetition of the password. */
const SignupStartFormSchema = SignupStartBodySchema.extend({
  identityNumber: blankAsMissing(SignupStartBodySchema.shape.identityNumber),
  username: blankAsMissing(SignupStartBodySchema.shape.username),
  confirm: z.string().min(1),
}).refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

/** A number or a username of the wrong shape gets the words the API would answer with, or the rules. */
const signupIssueKey = formIssueKeyWithHints({
  identityNumber: 'errors:identity_number_invalid',
  username: 'signup.usernameRules',
});

/** The API's answers that stop the sign-up: shown as a prominent notice, not as a field error. */
const BLOCKING = new Set(['no_customer_match', 'no_contact_data']);

/** Step 1 (seed 001): organisation or personal identity number, username and password. */
export function SignupStartForm({ onStarted }: { onStarted: (started: SignupStarted) => void }) {
  const { t } = useTranslation();
  const hintsId = useId();
  const start = useStartSignup();
  const form = useForm({
    resolver: zodResolver(SignupStartFormSchema, { error: signupIssueKey }),
    defaultValues: { identityNumber: '', username: '', password: '', confirm: '' },
  });
  const { errors } = form.formState;
  const password = form.watch('password');
  const error = start.error;
  const code = error instanceof ApiRequestError ? error.code : null;
  // The landlord's policies, asked as soon as the identity number is complete; until then the API's answer tells.
  const known = useSignupPolicies(form.watch('identityNumber'));
  const policies = known ?? [policyFromError(error, start.variables?.password ?? '')];
  const policy = policies.includes('classic') ? 'classic' : policies[0]!;
  const params = errorParams(policy);

  const apiFieldError = (field: 'identityNumber' | 'username' | 'password') => {
    if (field === 'identityNumber' && code === 'identity_number_invalid') return errorText(t, error);
    if (field === 'username' && code === 'username_taken') return errorText(t, error);
    if (field === 'password' && isPasswordError(error)) return errorText(t, error, policy);
    return undefined;
  };
  const fieldError = (field: 'identityNumber' | 'username' | 'password' | 'confirm') => {
    const message = errors[field]?.message;
    if (message) return t(message, params);
    return field === 'confirm' ? undefined : apiFieldError(field);
  };

  const submit = form.handleSubmit(({ identityNumber, username, password }) =>
    start.mutate({ identityNumber, username, password }, { onSuccess: onStarted }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {code && BLOCKING.has(code) ? (
          <Alert
            color="red"
            variant="filled"
            role="alert"
            title={t(code === 'no_contact_data' ? 'signup.contactLandlord' : 'signup.noMatchTitle')}
          >
            {errorText(t, error)}
          </Alert>
        ) : (
          // A password error is shown at the password field only.
          <FormError error={isPasswordError(error) ? null : error} policy={policy} />
        )}
        <TextInput
          label={t('signup.identityNumber')}
          description={t('signup.identityNumberHint')}
          inputMode="text"
          autoComplete="off"
          spellCheck={false}
          error={fieldError('identityNumber')}
          {...form.register('identityNumber')}
        />
        <TextInput
          label={t('signup.username')}
          description={t('signup.usernameRules')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={fieldError('username')}
          {...form.register('username')}
        />
        <TextInput
          label={t('signup.password')}
          type="password"
          autoComplete="new-password"
          // Mantine points aria-describedby at the error; without one, at the live rule hints.
          aria-describedby={fieldError('password') ? undefined : hintsId}
          error={fieldError('password')}
          {...form.register('password')}
        />
        <PasswordHints id={hintsId} password={password} policies={policies} fieldHasError={Boolean(fieldError('password'))} />
        <TextInput
          label={t('signup.confirm')}
          type="password"
          autoComplete="new-password"
          error={fieldError('confirm')}
          {...form.register('confirm')}
        />
        <Button type="submit" loading={start.isPending}>
          {t('signup.next')}
        </Button>
      </Stack>
    </form>
  );
}

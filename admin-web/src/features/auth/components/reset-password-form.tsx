import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { PasswordResetConfirmSchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { PASSWORD_MAX_LENGTH } from '@portico/shared/password-policy';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useFieldError } from '@/lib/form';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

/**
 * The contract's password, typed twice (the token comes from the link). Every policy shares the
 * longest length, so that rule is checked here too; the rest of the landlord's policy is unknown
 * before sign-in, and the API checks it and answers with a rule code.
 */
const { password } = PasswordResetConfirmSchema.shape;
const FormSchema = PasswordResetConfirmSchema.pick({ password: true })
  .extend({ repeat: password })
  .refine((v) => [...v.password].length <= PASSWORD_MAX_LENGTH, { path: ['password'], message: 'errors:password_too_long' })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'auth.reset.mismatch' });

export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: { password: '', repeat: '' } });
  // The policies' shared maximum is stricter than the contract's, so a length message names it.
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);

  if (!token) {
    return (
      <Stack>
        <Alert color="red" variant="light" role="alert">
          {t('errors:reset_token_invalid')}
        </Alert>
        <Anchor component={Link} to="/forgot-password">
          {t('auth.reset.requestNew')}
        </Anchor>
      </Stack>
    );
  }

  if (confirm.isSuccess) {
    return (
      <Stack>
        <Alert color="green" variant="light" role="status">
          {t('auth.reset.done')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('auth.signIn')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => confirm.mutate({ token, password: values.password }))}>
      <Stack>
        <ErrorAlert error={confirm.error} />
        <PasswordInput
          label={t('auth.reset.newPassword')}
          description={t('auth.reset.hint')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={fieldError('password', { values: { max: PASSWORD_MAX_LENGTH } })}
          {...form.register('password')}
        />
        <PasswordInput
          label={t('auth.reset.repeat')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={fieldError('repeat', { values: { max: PASSWORD_MAX_LENGTH } })}
          {...form.register('repeat')}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}

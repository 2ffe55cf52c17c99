import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { PASSWORD_MAX_LENGTH } from '@portico/shared/password-policy';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';

/** The landlord's policy is unknown before sign-in; the API checks it and answers with a rule code. */
export function ResetPasswordForm({ token }: { token: string }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const schema = z
    .object({
      password: z
        .string()
        .min(1, t('validation.required'))
        .max(PASSWORD_MAX_LENGTH, t('errors:password_too_long', { max: PASSWORD_MAX_LENGTH })),
      repeat: z.string().min(1, t('validation.required')),
    })
    .refine((v) => v.password === v.repeat, { path: ['repeat'], message: t('auth.reset.mismatch') });
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { password: '', repeat: '' } });
  const { errors } = form.formState;

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
          error={errors.password?.message}
          {...form.register('password')}
        />
        <PasswordInput
          label={t('auth.reset.repeat')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={errors.repeat?.message}
          {...form.register('repeat')}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('auth.reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}

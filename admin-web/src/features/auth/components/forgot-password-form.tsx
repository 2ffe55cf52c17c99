import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { PasswordResetRequestSchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useFieldError } from '@/lib/form';
import { useRequestPasswordReset } from '../api/request-password-reset';

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({ resolver: zodResolver(PasswordResetRequestSchema, { error: formIssueKey }), defaultValues: { email: '' } });
  const fieldError = useFieldError(PasswordResetRequestSchema.shape, form.formState.errors);

  if (request.isSuccess) {
    return (
      <Stack>
        <Alert color="green" variant="light" role="status" title={t('auth.forgot.sentTitle')}>
          {t('auth.forgot.sent')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={form.handleSubmit((values) => request.mutate(values))}>
      <Stack>
        <ErrorAlert error={request.error} />
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          error={fieldError('email')}
          {...form.register('email')}
        />
        <Button type="submit" loading={request.isPending}>
          {t('auth.forgot.submit')}
        </Button>
        <Anchor component={Link} to="/login" size="sm">
          {t('auth.backToLogin')}
        </Anchor>
      </Stack>
    </form>
  );
}

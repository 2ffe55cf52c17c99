import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { PasswordResetRequestSchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { blankAsMissing } from '@/lib/form';
import { useRequestPasswordReset } from '../api/request-password-reset';

/** Left empty, the address is "required" rather than "not an e-mail address". */
const ForgotFormSchema = PasswordResetRequestSchema.extend({ email: blankAsMissing(PasswordResetRequestSchema.shape.email) });

export function ForgotPasswordForm() {
  const { t } = useTranslation();
  const request = useRequestPasswordReset();
  const form = useForm({ resolver: zodResolver(ForgotFormSchema, { error: formIssueKey }), defaultValues: { email: '' } });
  const { errors } = form.formState;

  if (request.isSuccess) {
    return (
      <Stack gap="md">
        <Alert color="green" variant="light" role="status">
          {t('forgot.sent')}
        </Alert>
        <Anchor component={Link} to="/login">
          {t('forgot.back')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <form onSubmit={form.handleSubmit((values) => request.mutate(values))} noValidate>
      <Stack gap="md">
        <FormError error={request.error} />
        <TextInput
          label={t('forgot.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          error={errors.email?.message && t(errors.email.message)}
          {...form.register('email')}
        />
        <Button type="submit" loading={request.isPending}>
          {t('forgot.submit')}
        </Button>
        <Anchor component={Link} to="/login">
          {t('forgot.back')}
        </Anchor>
      </Stack>
    </form>
  );
}

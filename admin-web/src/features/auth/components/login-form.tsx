import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { LoginBodySchema, type StaffMe } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { useFieldError } from '@/lib/form';
import { useLogin } from '../api/login';

/** The contract's credentials; the console never offers "remember me". */
const FormSchema = LoginBodySchema.pick({ email: true, password: true });

export function LoginForm({ onSignedIn }: { onSignedIn: (me: StaffMe) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: { email: '', password: '' } });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => login.mutate(values, { onSuccess: onSignedIn }))}
      aria-describedby={login.error ? 'login-error' : undefined}
    >
      <Stack>
        <div id="login-error">
          <ErrorAlert error={login.error} />
        </div>
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          required
          error={fieldError('email')}
          {...form.register('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={fieldError('password')}
          {...form.register('password')}
        />
        <Button type="submit" loading={login.isPending}>
          {t('auth.signIn')}
        </Button>
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('auth.forgotLink')}
        </Anchor>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import type { StaffMe } from '@portico/shared/contracts/auth';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { useLogin } from '../api/login';

export function LoginForm({ onSignedIn }: { onSignedIn: (me: StaffMe) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const schema = z.object({
    email: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .pipe(z.email(t('validation.email'))),
    password: z.string().min(1, t('validation.required')),
  });
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { email: '', password: '' } });
  const { errors } = form.formState;

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
          error={errors.email?.message}
          {...form.register('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={errors.password?.message}
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

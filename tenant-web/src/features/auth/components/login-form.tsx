import { Anchor, Button, Checkbox, Stack, TextInput } from '@mantine/core';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { type Resolver, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { preloadLogin, useLogin } from '../api/login';
import type { LoginFormInput, LoginFormOutput } from './login-form-schema';

/**
 * Validates with the contract (./login-form-schema), imported on first use: zod and the resolver are
 * not part of the sign-in page's first load. The form preloads them as soon as it gets focus.
 */
const loadSchema = () => import('./login-form-schema');
const resolver: Resolver<LoginFormInput, unknown, LoginFormOutput> = async (values, context, options) =>
  (await loadSchema()).loginResolver(values, context, options);
const preload = () => {
  void loadSchema();
  preloadLogin();
};

export function LoginForm({ onSuccess }: { onSuccess: (me: PortalMe) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm<LoginFormInput, unknown, LoginFormOutput>({
    resolver,
    defaultValues: { email: '', password: '', remember: false },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => login.mutate(values, { onSuccess }));

  return (
    <form onSubmit={submit} onFocus={preload} onPointerDown={preload} noValidate>
      <Stack gap="md">
        <FormError error={login.error} />
        <TextInput
          label={t('login.email')}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.email?.message && t(errors.email.message)}
          {...form.register('email')}
        />
        <TextInput
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message && t(errors.password.message)}
          {...form.register('password')}
        />
        <Checkbox label={t('login.remember')} description={t('login.rememberHint')} {...form.register('remember')} />
        <Button type="submit" loading={login.isPending}>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

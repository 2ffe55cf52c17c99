import { Anchor, Button, Checkbox, Stack, TextInput } from '@mantine/core';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { login, preloadLogin } from '../api/login';
import type { LoginFieldErrors } from './login-form-schema';

const loadSchema = () => import('./login-form-schema');
const preload = () => {
  void loadSchema();
  preloadLogin();
};

/**
 * The portal's front door is kept light: a plain form (no react-hook-form) whose submit validates with
 * the contract (./login-form-schema) and signs in. zod, the contract and the API client are imported
 * when the form first gets focus or a tap, so the sign-in page's first load carries none of them.
 */
export function LoginForm({ onSuccess }: { onSuccess: (me: PortalMe) => void }) {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<LoginFieldErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const values = {
      email: String(data.get('email') ?? ''),
      password: String(data.get('password') ?? ''),
      remember: data.get('remember') === 'on',
    };
    setPending(true);
    setFailure(null);
    try {
      const checked = (await loadSchema()).checkLogin(values);
      if ('errors' in checked) {
        setErrors(checked.errors);
        // Like react-hook-form elsewhere: focus the first field in error.
        const first = (['email', 'password'] as const).find((field) => checked.errors[field]);
        if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
        return;
      }
      setErrors({});
      onSuccess(await login(checked.body));
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  };

  return (
    <form onSubmit={submit} onFocus={preload} onPointerDown={preload} noValidate>
      <Stack gap="md">
        <FormError error={failure} />
        <TextInput
          name="email"
          label={t('login.email')}
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          error={errors.email && t(errors.email)}
        />
        <TextInput
          name="password"
          label={t('login.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password && t(errors.password)}
        />
        <Checkbox name="remember" label={t('login.remember')} description={t('login.rememberHint')} />
        <Button type="submit" loading={pending}>
          {t('login.submit')}
        </Button>
        <Anchor component={Link} to="/forgot-password">
          {t('login.forgot')}
        </Anchor>
      </Stack>
    </form>
  );
}

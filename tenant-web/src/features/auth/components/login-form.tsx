import { zodResolver } from '@hookform/resolvers/zod';
import { Anchor, Button, Checkbox, Stack, TextInput } from '@mantine/core';
import { LoginBodySchema, type PortalMe } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { blankAsMissing } from '@/lib/form';
import { useLogin } from '../api/login';

/** The identifier is an e-mail address or the username chosen at sign-up; left empty it is "required". */
const LoginFormSchema = LoginBodySchema.extend({ email: blankAsMissing(LoginBodySchema.shape.email) });

export function LoginForm({ onSuccess }: { onSuccess: (me: PortalMe) => void }) {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useForm({
    resolver: zodResolver(LoginFormSchema, { error: formIssueKey }),
    defaultValues: { email: '', password: '', remember: false },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => login.mutate(values, { onSuccess }));

  return (
    <form onSubmit={submit} noValidate>
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

import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { LoginForm } from '@/features/auth/components/login-form';
import { usePageTitle } from '@/lib/use-page-title';

interface LoginState {
  from?: string;
  notice?: 'passwordReset';
}

/** Only same-app paths may be returned to after sign-in. */
function safeReturnPath(from: unknown): string {
  if (typeof from !== 'string' || !from.startsWith('/') || from.startsWith('//') || from.startsWith('/login')) return '/messages';
  return from;
}

export function LoginRoute() {
  const { t } = useTranslation();
  usePageTitle(t('login.title'));
  const location = useLocation();
  const navigate = useNavigate();
  const state = (location.state ?? {}) as LoginState;

  return (
    <Stack maw={420} mx="auto" gap="md">
      <Title order={1}>{t('login.title')}</Title>
      <Text>{t('login.intro')}</Text>
      {state.notice === 'passwordReset' && (
        <Alert color="green" variant="light" role="status">
          {t('login.passwordResetDone')}
        </Alert>
      )}
      <LoginForm onSuccess={() => navigate(safeReturnPath(state.from), { replace: true })} />
    </Stack>
  );
}

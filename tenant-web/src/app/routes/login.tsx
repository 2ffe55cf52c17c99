import { Alert, Anchor, Divider, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { EidButtons } from '@/components/eid-buttons';
import { LoginForm } from '@/features/auth/components/login-form';
import { errorCodeText } from '@/lib/errors';
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
  const [params] = useSearchParams();
  const state = (location.state ?? {}) as LoginState;
  const target = safeReturnPath(state.from);
  const eidError = params.get('eidError');

  return (
    <Stack maw={420} mx="auto" gap="md">
      <Title order={1}>{t('login.title')}</Title>
      <Text>{t('login.intro')}</Text>
      {state.notice === 'passwordReset' && (
        <Alert color="green" variant="light" role="status">
          {t('login.passwordResetDone')}
        </Alert>
      )}
      {eidError && (
        <Alert color="red" variant="light" role="alert" title={t('eid.failedTitle')}>
          {errorCodeText(t, eidError)}
        </Alert>
      )}
      <LoginForm onSuccess={() => navigate(target, { replace: true })} />
      <Divider label={t('login.or')} labelPosition="center" />
      <EidButtons intent="login" returnTo={target} stacked />
      <Text>
        {t('login.noAccount')}{' '}
        <Anchor component={Link} to="/signup">
          {t('login.signup')}
        </Anchor>
      </Text>
    </Stack>
  );
}

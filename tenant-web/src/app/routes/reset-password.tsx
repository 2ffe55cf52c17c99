import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';
import { usePageTitle } from '@/lib/use-page-title';

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('reset.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const token = params.get('token') ?? '';

  return (
    <Stack maw={420} mx="auto" gap="md">
      <Title order={1}>{t('reset.title')}</Title>
      {token.length >= 10 ? (
        <>
          <Text>{t('reset.intro')}</Text>
          <ResetPasswordForm token={token} onSuccess={() => navigate('/login', { replace: true, state: { notice: 'passwordReset' } })} />
        </>
      ) : (
        <>
          <Alert color="red" variant="light" role="alert">
            {t('errors:reset_token_invalid')}
          </Alert>
          <Anchor component={Link} to="/forgot-password">
            {t('reset.requestNew')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}

import { Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';
import { usePageTitle } from '@/lib/use-page-title';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  usePageTitle(t('forgot.title'));
  return (
    <Stack maw={420} mx="auto" gap="md">
      <Title order={1}>{t('forgot.title')}</Title>
      <Text>{t('forgot.intro')}</Text>
      <ForgotPasswordForm />
      <Anchor component={Link} to={`/sign-in-help${window.location.search}`}>
        {t('help.title')}
      </Anchor>
    </Stack>
  );
}

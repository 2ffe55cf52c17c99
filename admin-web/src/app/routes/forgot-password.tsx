import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { ForgotPasswordForm } from '@/features/auth/components/forgot-password-form';

export function ForgotPasswordRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('auth.forgot.title')} />
      <Text mb="md">{t('auth.forgot.intro')}</Text>
      <ForgotPasswordForm />
    </>
  );
}

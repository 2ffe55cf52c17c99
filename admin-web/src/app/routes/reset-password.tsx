import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { ResetPasswordForm } from '@/features/auth/components/reset-password-form';

export function ResetPasswordRoute() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  return (
    <>
      <PageHeading title={t('auth.reset.title')} />
      <ResetPasswordForm token={params.get('token') ?? ''} />
    </>
  );
}

import type { StaffMe } from '@portico/shared/contracts/auth';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { LoginForm } from '@/features/auth/components/login-form';
import { i18n, storedLocale } from '@/lib/i18n';

/** Only same-app paths are accepted as the place to return to. */
export function safeNext(next: string | null, fallback = '/messages'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return fallback;
  return next;
}

export function LoginRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const onSignedIn = (me: StaffMe) => {
    if (!storedLocale()) void i18n.changeLanguage(me.locale ?? me.landlord.defaultLocale);
    navigate(safeNext(params.get('next'), me.role === 'technician' ? '/cases' : '/messages'), { replace: true });
  };
  return (
    <>
      <PageHeading title={t('auth.signInTitle')} />
      <LoginForm onSignedIn={onSignedIn} />
    </>
  );
}

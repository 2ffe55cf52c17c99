import type { Locale } from '@portico/shared/locale';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation } from 'react-router';
import { LanguagePicker } from '@/components/language-picker';
import { SiteHeader } from '@/components/site-header';
import { usePublicBranding } from '@/lib/branding';
import { applyLocale, currentLocale, storeLocale } from '@/lib/i18n';
import { MainRegion } from './main-region';
import { SkipLink } from './skip-link';

/** Sign-in, password reset and invitation pages: no navigation, only the language picker. */
export function PublicLayout() {
  useTranslation();
  const brand = usePublicBranding(useLocation().search);
  const choose = (locale: Locale) => {
    storeLocale(locale);
    void applyLocale(locale);
  };
  return (
    <>
      <SkipLink />
      <SiteHeader brand={brand} controls={<LanguagePicker value={currentLocale()} onChange={choose} />} />
      <MainRegion>
        <Outlet />
      </MainRegion>
    </>
  );
}

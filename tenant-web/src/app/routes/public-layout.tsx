import type { Locale } from '@portico/shared/locale';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguagePicker } from '@/components/language-picker';
import { SiteHeader } from '@/components/site-header';
import { applyLocale, currentLocale, storeLocale } from '@/lib/i18n';
import { MainRegion } from './main-region';
import { SkipLink } from './skip-link';

/** Sign-in, password reset and invitation pages: no navigation, only the language picker. */
export function PublicLayout() {
  useTranslation();
  const choose = (locale: Locale) => {
    storeLocale(locale);
    void applyLocale(locale);
  };
  return (
    <>
      <SkipLink />
      <SiteHeader showNav={false} controls={<LanguagePicker value={currentLocale()} onChange={choose} />} />
      <MainRegion>
        <Outlet />
      </MainRegion>
    </>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the document title to "<page> · <portal name>" in the current language. */
export function usePageTitle(page: string): void {
  const { t } = useTranslation();
  const app = t('appName');
  useEffect(() => {
    document.title = page ? t('titleTemplate', { page, app }) : app;
  }, [page, app, t]);
}

import { bundledCatalogues, lazyCatalogueBackend } from '@portico/shared/i18n/backend';
import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALE_STORAGE_KEY = 'portico.console.locale';

const INTL_LOCALES: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** The language the user picked on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const stored = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // storage unavailable (private mode): the choice lasts for this page only
  }
}

function browserLocale(): Locale | null {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const short = tag?.slice(0, 2).toLowerCase();
    const hit = LOCALES.find((l) => l === short);
    if (hit) return hit;
  }
  return null;
}

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'sv';
}

export function intlLocale(locale: Locale = currentLocale()): string {
  return INTL_LOCALES[locale];
}

export function formatDateTime(iso: string, locale: Locale = currentLocale()): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

export function formatDate(iso: string, locale: Locale = currentLocale()): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium' }).format(new Date(iso));
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/**
 * Catalogues arrive per language and namespace on demand (`lazyCatalogueBackend`): the console loads its
 * language's `console` and `errors` (`common` is bundled, tiny), never the portal's strings. No fallback
 * language (the catalogue test keeps sv, da and en on the same keys; a fallback would fetch a second
 * language). main.tsx renders once `i18nReady` resolves; `changeLanguage` loads the new files first.
 */
export const i18nReady = i18n
  .use(lazyCatalogueBackend)
  .use(initReactI18next)
  .init({
    resources: bundledCatalogues,
    partialBundledLanguages: true,
    lng: storedLocale() ?? browserLocale() ?? 'sv',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: ['console', 'common', 'errors'],
    defaultNS: 'console',
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: false },
  });
// Possessives in the catalogue are written {{name, genitive}} (AB:s, Lars, A/S').
addGenitiveFormat(i18n);

export { i18n };

import { bundledCatalogues, lazyCatalogueBackend } from '@portico/shared/i18n/backend';
import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALE_STORAGE_KEY = 'portico.portal.locale';

/** The language the user picked in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const stored = localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(stored) ? stored : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export function browserLocale(): Locale | null {
  const languages = typeof navigator === 'undefined' ? [] : (navigator.languages ?? [navigator.language]);
  for (const lang of languages) {
    const tag = lang?.slice(0, 2).toLowerCase();
    const hit = LOCALES.find((l) => l === tag);
    if (hit) return hit;
  }
  return null;
}

/** Before we know anything about the user: their choice, else the browser, else Swedish. */
export function initialLocale(): Locale {
  return storedLocale() ?? browserLocale() ?? 'sv';
}

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'sv';
}

export async function applyLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/**
 * Catalogues arrive per language and namespace on demand (`lazyCatalogueBackend`): the portal loads its
 * language's `portal` and `errors` (`common` is bundled, tiny). No fallback language: the catalogue test
 * keeps sv, da and en on the same keys, and a fallback would fetch a second language on every page.
 * `i18nReady` resolves once the first language is in; main.tsx renders after it (no Suspense needed),
 * and `changeLanguage` loads the new language's files before it switches.
 */
export const i18nReady = i18n
  .use(lazyCatalogueBackend)
  .use(initReactI18next)
  .init({
    resources: bundledCatalogues,
    partialBundledLanguages: true,
    lng: initialLocale(),
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    ns: ['portal', 'common', 'errors'],
    defaultNS: 'portal',
    interpolation: { escapeValue: false },
    react: { useSuspense: false },
  });
// Possessives in the catalogue are written {{name, genitive}} (AB:s, Lars, A/S').
addGenitiveFormat(i18n);

export { i18n };

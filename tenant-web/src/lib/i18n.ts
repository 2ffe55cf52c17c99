import { bundledCatalogues, lazyCatalogueBackend } from '@portico/shared/i18n/backend';
import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { browserLocale, initialLocale, LOCALE_STORAGE_KEY, storedLocale } from './locale-rule';

export { browserLocale, initialLocale, LOCALE_STORAGE_KEY, storedLocale };

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // ignore
  }
}

export function currentLocale(): Locale {
  const language = i18n.resolvedLanguage ?? i18n.language;
  return isLocale(language) ? language : 'sv';
}

export async function applyLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

// (No document when the sign-in page is prerendered at build time: build/boot-plugin.ts.)
if (typeof document !== 'undefined') {
  i18n.on('languageChanged', (lng) => {
    document.documentElement.lang = lng;
  });
}

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

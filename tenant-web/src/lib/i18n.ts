import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { resources } from '@portico/shared/i18n/resources';
import { LOCALES, type Locale, LocaleSchema } from '@portico/shared/locale';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALE_STORAGE_KEY = 'portico.portal.locale';

/** The language the user picked in this browser, if any. */
export function storedLocale(): Locale | null {
  try {
    const parsed = LocaleSchema.safeParse(localStorage.getItem(LOCALE_STORAGE_KEY));
    return parsed.success ? parsed.data : null;
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
  const parsed = LocaleSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'sv';
}

export async function applyLocale(locale: Locale): Promise<void> {
  if (i18n.language !== locale) await i18n.changeLanguage(locale);
  document.documentElement.lang = locale;
}

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...LOCALES],
  ns: ['portal', 'common', 'errors'],
  defaultNS: 'portal',
  interpolation: { escapeValue: false },
});
// Possessives in the catalogue are written {{name, genitive}} (AB:s, Lars, A/S').
addGenitiveFormat(i18n);

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

export { i18n };

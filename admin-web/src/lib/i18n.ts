import { addGenitiveFormat } from '@portico/shared/i18n/genitive';
import { resources } from '@portico/shared/i18n/resources';
import { LOCALES, type Locale, LocaleSchema } from '@portico/shared/locale';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';

export const LOCALE_STORAGE_KEY = 'portico.console.locale';

const INTL_LOCALES: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** The language the user picked on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const parsed = LocaleSchema.safeParse(window.localStorage.getItem(LOCALE_STORAGE_KEY));
    return parsed.success ? parsed.data : null;
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
  const parsed = LocaleSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : 'sv';
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

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? browserLocale() ?? 'sv',
  fallbackLng: 'sv',
  supportedLngs: [...LOCALES],
  ns: ['console', 'common', 'errors'],
  defaultNS: 'console',
  interpolation: { escapeValue: false },
  returnNull: false,
});
// Possessives in the catalogue are written {{name, genitive}} (AB:s, Lars, A/S').
addGenitiveFormat(i18n);

document.documentElement.lang = i18n.language;

export { i18n };

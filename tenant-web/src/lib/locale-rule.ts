import { isLocale, LOCALES, type Locale } from '@portico/shared/locales';

/**
 * The portal's language rule before anything is known about the user: their choice in this browser,
 * else the browser's languages, else Swedish. ONE implementation, used twice: by `lib/i18n.ts` (the
 * language i18next starts in) and by the inline boot script in index.html (`src/boot.ts`, built by
 * `build/boot-plugin.ts`), which picks the prerendered page and the catalogue chunks to preload
 * before any JS has loaded. Keep it free of imports other than `locales.ts`: it is inlined in HTML.
 */
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

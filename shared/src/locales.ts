/** The UI languages, without zod (`./locale` adds `LocaleSchema` on top), for the SPAs' first chunk. */
export const LOCALES = ['sv', 'da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

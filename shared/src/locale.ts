import { z } from 'zod';
import { LOCALES } from './locales';

export { isLocale, LOCALES } from './locales';
export const LocaleSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof LocaleSchema>;

/** Picks the first supported language from an Accept-Language header value. */
export function pickLocale(acceptLanguage: string | undefined, fallback: Locale): Locale {
  if (!acceptLanguage) return fallback;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase().slice(0, 2);
    const hit = LOCALES.find((l) => l === tag);
    if (hit) return hit;
  }
  return fallback;
}

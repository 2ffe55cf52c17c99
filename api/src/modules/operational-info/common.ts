import type { Locale } from '@portico/shared/locale';

/** The landlord's time zone: notice times are wall-clock times there. */
export const TIME_ZONE = { SE: 'Europe/Stockholm', DK: 'Europe/Copenhagen' } as const;
const LOCALE_TAG: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

/** "1 dec. 2026 08:00" in the reader's language and the landlord's time zone. */
export function formatWhen(at: Date, locale: Locale, country: 'SE' | 'DK') {
  return new Intl.DateTimeFormat(LOCALE_TAG[locale], { dateStyle: 'medium', timeStyle: 'short', timeZone: TIME_ZONE[country] }).format(at);
}

import type { Currency } from '@portico/shared/contracts/billing-core';
import type { Locale } from '@portico/shared/locale';

/** Intl locales for our three UI languages (Swedish and Danish number and date conventions). */
const INTL: Record<Locale, string> = { sv: 'sv-SE', da: 'da-DK', en: 'en-GB' };

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** `8 450,00 kr` / `8.450,00 kr.` / `SEK 8,450.00` from minor units. */
export function formatMoney(minor: number, currency: Currency, locale: Locale) {
  const key = `${locale}:${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(INTL[locale], { style: 'currency', currency });
    moneyFormats.set(key, f);
  }
  return f.format(minor / 100);
}

const periodFormats = new Map<Locale, Intl.DateTimeFormat>();
/** "mars 2027" / "marts 2027" / "March 2027" for the month an ISO day falls in. */
export function formatPeriod(isoDay: string, locale: Locale) {
  let f = periodFormats.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(INTL[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' });
    periodFormats.set(locale, f);
  }
  return f.format(new Date(`${isoDay}T00:00:00Z`));
}

/** A period of one month reads as that month; a longer one as "januari–mars 2027". */
export function formatPeriodRange(start: string, end: string, locale: Locale) {
  if (start.slice(0, 7) === end.slice(0, 7)) return formatPeriod(start, locale);
  const month = new Intl.DateTimeFormat(INTL[locale], { month: 'long', timeZone: 'UTC' });
  const from = month.format(new Date(`${start}T00:00:00Z`));
  return `${from}–${formatPeriod(end, locale)}`;
}

/** Dates on notices are ISO days (2027-02-26): unambiguous in all three countries. */
export const formatDay = (isoDay: string) => isoDay;

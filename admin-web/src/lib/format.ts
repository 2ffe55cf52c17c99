import { intlLocale } from '@/lib/i18n';

/** Minor units as the reader's money: 845000 SEK → "8 450,00 kr" (sv), "SEK 8,450.00" (en). */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(minor / 100);
}

export function formatNumber(value: number, maximumFractionDigits = 1): string {
  return new Intl.NumberFormat(intlLocale(), { maximumFractionDigits }).format(value);
}

/** "1 h 30 min" style, through Intl's unit formatting. */
export function formatMinutes(minutes: number): string {
  const locale = intlLocale();
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short' }).format(h);
  const mins = new Intl.NumberFormat(locale, { style: 'unit', unit: 'minute', unitDisplay: 'short' }).format(m);
  if (h === 0) return mins;
  return m === 0 ? hours : `${hours} ${mins}`;
}

/** What a person types as an amount ("8 450", "8450,5", "450.50") → minor units; null when it is not one. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ''] = compact.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** As `parseAmount`, with an empty field meaning nothing (0): optional costs. */
export function parseMajorToMinor(input: string): number | null {
  return input.trim() === '' ? 0 : parseAmount(input);
}

/** Minor units as a form shows them: "8450,00" in sv/da, "8450.00" in en. */
export function minorToInput(minor: number): string {
  const separator = intlLocale().startsWith('en') ? '.' : ',';
  return (minor / 100).toFixed(2).replace('.', separator);
}

/** `YYYY-MM` as "mars 2027" in the reader's language. */
export function formatPeriod(period: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'long', year: 'numeric' }).format(new Date(`${period}-01T12:00:00`));
}

/** `datetime-local` value for now, in the browser's time zone. */
export function localDateTimeNow(date = new Date()): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

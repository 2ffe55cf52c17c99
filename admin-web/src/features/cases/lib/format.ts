import { intlLocale } from '@/lib/i18n';

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

/** "450,50" or "450.50" → 45050 minor units; null when it is not a non-negative amount with at most two decimals. */
export function parseMajorToMinor(input: string): number | null {
  const normalised = input
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (normalised === '') return 0;
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number.parseFloat(normalised) * 100);
}

/** `datetime-local` value for now, in the browser's time zone. */
export function localDateTimeNow(date = new Date()): string {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

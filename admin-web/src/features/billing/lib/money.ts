import { intlLocale } from '@/lib/i18n';

/** Minor units as the reader's money in the notice's currency, e.g. 845000 SEK → "8 450,00 kr". */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
}

/** What a person types as an amount ("8 450", "8450,5") → minor units, or null. */
export function parseAmount(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ''] = compact.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** `YYYY-MM` as "mars 2027" in the reader's language. */
export function formatPeriod(period: string): string {
  return new Intl.DateTimeFormat(intlLocale(), { month: 'long', year: 'numeric' }).format(new Date(`${period}-01T12:00:00`));
}

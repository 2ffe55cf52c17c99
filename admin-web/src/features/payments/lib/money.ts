import { intlLocale } from '@/lib/i18n';

/** Minor units as the UI language writes money: `12 500,00 kr`, `kr. 12.500,00`, `SEK 12,500.00`. */
export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(minor / 100);
}

/** "450,50" or "450.50" → 45050 minor units; null when it is not a positive amount with at most two decimals. */
export function parseMajorToMinor(input: string): number | null {
  const normalised = input
    .trim()
    .replace(/[\s\u00a0]/g, '')
    .replace(',', '.');
  if (!/^\d+(\.\d{1,2})?$/.test(normalised)) return null;
  return Math.round(Number.parseFloat(normalised) * 100);
}

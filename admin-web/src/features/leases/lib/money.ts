import { intlLocale } from '@/lib/i18n';

/** Minor units (öre/øre) as the reader's money, e.g. 845000 → "8 450,00 kr". */
export function formatMinor(minor: number, currency: string): string {
  return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency, minimumFractionDigits: 2 }).format(minor / 100);
}

/** Minor units as the form shows them: "8450,00" in sv/da, "8450.00" in en. */
export function minorToInput(minor: number): string {
  const separator = intlLocale().startsWith('en') ? '.' : ',';
  return (minor / 100).toFixed(2).replace('.', separator);
}

/**
 * What a person types as a month's amount ("8 450", "8450,5", "8.450,00" is not accepted) → minor
 * units, or null when it is not an amount with at most two decimals. The contract checks the range.
 */
export function inputToMinor(text: string): number | null {
  const compact = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^\d{1,9}(\.\d{1,2})?$/.test(compact)) return null;
  const [whole, fraction = ''] = compact.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

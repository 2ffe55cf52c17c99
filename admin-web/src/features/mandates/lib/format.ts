import { intlLocale } from '@/lib/i18n';

/** Minor units in the UI language's currency format (merge: fold into a shared lib/format.ts if one lands). */
export const formatMoney = (minor: number, currency: string) =>
  new Intl.NumberFormat(intlLocale(), { style: 'currency', currency }).format(minor / 100);

import type { LeaseRef } from '@portico/shared/contracts/auth';
import type { TFunction } from 'i18next';

/**
 * Intl formatters are built once per (locale, options) and reused: a list of 20 rows used to build 20.
 * (The first one of a page also loads ICU's data for the language; the boot script does that ahead, 8S16.)
 */
const formats = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(kind: string, locale: string, options: object, make: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format as T;
}

const dateFormat = (locale: string, options: Intl.DateTimeFormatOptions) =>
  cached('d', locale, options, () => new Intl.DateTimeFormat(locale, options));
const numberFormat = (locale: string, options: Intl.NumberFormatOptions) =>
  cached('n', locale, options, () => new Intl.NumberFormat(locale, options));

export function formatDateTime(iso: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A short date for lists: the time for today, else the date. */
export function formatListDate(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return dateFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

export function formatFileSize(bytes: number, locale: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte';
  const value = unit === 'megabyte' ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024);
  return numberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
}

export function unitTypeLabel(t: TFunction, unitType: string): string {
  return t(`unitType.${unitType}`, { defaultValue: unitType });
}

/** "Storgatan 1 – Apartment" */
export function leaseLabel(t: TFunction, lease: LeaseRef): string {
  return t('lease.label', { address: lease.address, unitType: unitTypeLabel(t, lease.unitType), number: lease.number });
}

/** A calendar date (`2025-03-31`) as written in the locale; no time zone shift. */
export function formatDate(isoDate: string, locale: string): string {
  return dateFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** The month a day falls in: "mars 2027", "marts 2027", "March 2027". */
export function formatPeriod(isoDate: string, locale: string): string {
  return dateFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An amount in minor units (öre, øre, cent) in its currency. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency }).format(minor / 100);
}

/** A duration in minutes as "2 h 30 min" in the locale's units. */
export function formatDuration(totalMinutes: number, locale: string): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const unit = (value: number, unit: 'hour' | 'minute') =>
    numberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  if (!hours) return unit(minutes, 'minute');
  return minutes ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
}

/** Hours with at most one decimal ("12.5 hr"). */
export function formatHours(hours: number, locale: string): string {
  return numberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours);
}

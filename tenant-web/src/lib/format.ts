import type { LeaseRef } from '@portico/shared/contracts/auth';
import type { TFunction } from 'i18next';

export function formatDateTime(iso: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** A short date for lists: the time for today, else the date. */
export function formatListDate(iso: string, locale: string, now = new Date()): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(locale, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

export function formatFileSize(bytes: number, locale: string): string {
  const unit = bytes >= 1024 * 1024 ? 'megabyte' : 'kilobyte';
  const value = unit === 'megabyte' ? bytes / (1024 * 1024) : Math.max(1, bytes / 1024);
  return new Intl.NumberFormat(locale, { style: 'unit', unit, maximumFractionDigits: 1 }).format(value);
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
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An amount in minor units (öre, øre, cent) in its currency. */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);
}

/** A duration in minutes as "2 h 30 min" in the locale's units. */
export function formatDuration(totalMinutes: number, locale: string): string {
  const hours = Math.floor(totalMinutes / 60);
  const minutes = totalMinutes % 60;
  const unit = (value: number, unit: 'hour' | 'minute') =>
    new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short' }).format(value);
  if (!hours) return unit(minutes, 'minute');
  return minutes ? `${unit(hours, 'hour')} ${unit(minutes, 'minute')}` : unit(hours, 'hour');
}

/** Hours with at most one decimal ("12.5 hr"). */
export function formatHours(hours: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'hour', unitDisplay: 'short', maximumFractionDigits: 1 }).format(hours);
}

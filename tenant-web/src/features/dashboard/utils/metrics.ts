import type { StatsRow } from '@portico/shared/contracts/cases';
import type { TFunction } from 'i18next';
import { formatHours, formatMoney } from '@/lib/format';
import type { StatsGroup } from '../api/keys';

/** Seed 003: "sort by cases, work orders, costs and lead times". */
export const METRICS = ['cases', 'workOrders', 'costs', 'leadTime'] as const;
export type Metric = (typeof METRICS)[number];
export const STATS_GROUPS: readonly StatsGroup[] = ['month', 'property', 'type', 'status'];

type Figures = Omit<StatsRow, 'key' | 'label'>;

/** The number a bar's length stands for; lead time is the median resolution time. */
export function metricValue(row: Figures, metric: Metric): number {
  switch (metric) {
    case 'cases':
      return row.cases;
    case 'workOrders':
      return row.workOrders;
    case 'costs':
      return row.costMinor;
    case 'leadTime':
      return row.resolutionMedianHours ?? 0;
  }
}

export function hoursText(t: TFunction, hours: number | null, locale: string): string {
  return hours === null ? t('dashboard.noData') : formatHours(hours, locale);
}

/** The value as a bar prints it: "4 cases", "1 250,00 kr", or the lead times. */
export function metricText(t: TFunction, row: Figures, metric: Metric, locale: string, currency: string): string {
  switch (metric) {
    case 'cases':
      return t('dashboard.value.cases', { count: row.cases });
    case 'workOrders':
      return t('dashboard.value.workOrders', { count: row.workOrders });
    case 'costs':
      return formatMoney(row.costMinor, currency, locale);
    case 'leadTime':
      return t('dashboard.value.leadTime', {
        resolution: hoursText(t, row.resolutionMedianHours, locale),
        resolutionP90: hoursText(t, row.resolutionP90Hours, locale),
        firstResponse: hoursText(t, row.firstResponseMedianHours, locale),
        firstResponseP90: hoursText(t, row.firstResponseP90Hours, locale),
      });
  }
}

/**
 * The case list filtered to one bar (seed 003: "continue downwards by clicking the bars"). Every
 * status counts in the statistics, so the list shows all of them too; the date range goes along
 * except for a month, which is its own range.
 */
export function drillDownPath(groupBy: StatsGroup, key: string, range: { from?: string | undefined; to?: string | undefined }): string {
  const query = new URLSearchParams();
  query.set(groupBy === 'property' ? 'propertyId' : groupBy, key);
  query.set('scope', 'all');
  if (groupBy !== 'month') {
    if (range.from) query.set('from', range.from);
    if (range.to) query.set('to', range.to);
  }
  return `/cases?${query.toString()}`;
}

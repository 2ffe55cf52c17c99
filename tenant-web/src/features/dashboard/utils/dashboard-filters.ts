import { StatsGroupSchema } from '@portico/shared/contracts/cases';
import { z } from 'zod';
import type { StatsGroup } from '../api/keys';
import { METRICS, type Metric } from './metrics';

/** What the dashboard shows, kept in the URL so a link or a reload keeps it. */
export interface DashboardFilters {
  show: Metric;
  groupBy: StatsGroup;
  from?: string | undefined;
  to?: string | undefined;
}

const MetricSchema = z.enum(METRICS);
const DateSchema = z.iso.date();

export function dashboardFromParams(params: URLSearchParams): DashboardFilters {
  const date = (name: string) => {
    const parsed = DateSchema.safeParse(params.get(name));
    return parsed.success ? parsed.data : undefined;
  };
  return {
    show: MetricSchema.catch('cases').parse(params.get('show') ?? 'cases'),
    groupBy: StatsGroupSchema.catch('month').parse(params.get('groupBy') ?? 'month'),
    from: date('from'),
    to: date('to'),
  };
}

export function dashboardToParams(filters: DashboardFilters): URLSearchParams {
  const out = new URLSearchParams();
  if (filters.show !== 'cases') out.set('show', filters.show);
  if (filters.groupBy !== 'month') out.set('groupBy', filters.groupBy);
  if (filters.from) out.set('from', filters.from);
  if (filters.to) out.set('to', filters.to);
  return out;
}

import { Alert, Stack, Text, Title } from '@mantine/core';
import { fillMonthGaps } from '@portico/shared/months';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { useCaseStats } from '../api/get-case-stats';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { DashboardControls } from './dashboard-controls';
import { StatsChart } from './stats-chart';
import { StatsTable } from './stats-table';

/** Seed 003 Dashboard: statistics of the customer's cases, with bars that lead to the cases behind them. */
export function DashboardView({
  customerId,
  filters,
  onChange,
}: {
  customerId: string;
  filters: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
}) {
  const { t } = useTranslation();
  const rangeError = Boolean(filters.from && filters.to && filters.from > filters.to);
  const stats = useCaseStats({ customerId, groupBy: filters.groupBy, from: filters.from, to: filters.to }, !rangeError);
  const range = { from: filters.from, to: filters.to };
  // The API lists only months with cases; the axis shows every month of the range.
  const data =
    stats.data?.groupBy === 'month' && stats.data.rows.length ? { ...stats.data, rows: fillMonthGaps(stats.data.rows, range) } : stats.data;
  const chartTitle = t('dashboard.chartTitle', {
    metric: t(`dashboard.metric.${filters.show}`),
    group: t(`dashboard.group.${filters.groupBy}`).toLocaleLowerCase(),
  });

  return (
    <Stack gap="lg">
      <DashboardControls value={filters} onChange={onChange} rangeError={rangeError} />
      <section aria-labelledby="dashboard-chart-heading">
        <Stack gap="sm">
          <Title order={2} size="h3" id="dashboard-chart-heading">
            {chartTitle}
          </Title>
          {filters.show === 'leadTime' && (
            <Text size="sm" c="gray.7">
              {t('dashboard.leadTimeHint')}
            </Text>
          )}
          {!rangeError && stats.isPending && <PageLoader />}
          {stats.isError && (
            <Alert color="red" role="alert">
              {errorText(t, stats.error)}
            </Alert>
          )}
          {data && !rangeError && (
            <>
              <Text size="sm" c="gray.7">
                {t('dashboard.drillHint')}
              </Text>
              <StatsChart stats={data} metric={filters.show} currency={data.currency} range={range} labelledBy="dashboard-chart-heading" />
              {data.rows.length > 0 && <StatsTable stats={data} currency={data.currency} />}
            </>
          )}
        </Stack>
      </section>
    </Stack>
  );
}

import { NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { Stats, StatsRow } from '@portico/shared/contracts/cases';
import { fillMonthGaps, statsRowLabel } from '@portico/shared/months';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney, formatNumber } from '@/lib/format';
import { useCaseStats } from '../api/get-case-stats';
import type { StatsGroup } from '../api/query-keys';
import { drillDownSearch, STATS_GROUPS } from '../lib/filters';

export const STATS_MEASURES = ['cases', 'workOrders', 'costs', 'leadTimes'] as const;
export type StatsMeasure = (typeof STATS_MEASURES)[number];
export type DashboardState = { show: StatsMeasure; groupBy: StatsGroup; from?: string; to?: string };

function measure(show: StatsMeasure, row: Pick<StatsRow, 'cases' | 'workOrders' | 'costMinor' | 'resolutionMedianHours'>): number | null {
  if (show === 'cases') return row.cases;
  if (show === 'workOrders') return row.workOrders;
  if (show === 'costs') return row.costMinor;
  return row.resolutionMedianHours;
}

function BarChart({ stats, show }: { stats: Stats; show: StatsMeasure }) {
  const { t, i18n } = useTranslation();
  const { currency } = stats;
  const values = stats.rows.map((row) => measure(show, row) ?? 0);
  const max = Math.max(0, ...values);
  /** What the bar says, visibly and in its link name ("2027-03: 4 cases"). */
  const valueText = (value: number | null) =>
    value === null
      ? t('dashboard.noData')
      : show === 'cases'
        ? t('dashboard.value.cases', { count: value, formatted: formatNumber(value, 0) })
        : show === 'workOrders'
          ? t('dashboard.value.workOrders', { count: value, formatted: formatNumber(value, 0) })
          : show === 'costs'
            ? formatMoney(value, currency)
            : t('dashboard.hoursShort', { value: formatNumber(value) });

  return (
    <figure className="bar-chart">
      <Text component="figcaption" fw={600} mb="xs">
        {t('dashboard.chartCaption', { measure: t(`dashboard.show.${show}`), group: t(`dashboard.groupName.${stats.groupBy}`) })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('dashboard.drillHint')}
      </Text>
      <ul className="bar-chart-rows">
        {stats.rows.map((row) => {
          const value = measure(show, row);
          const label = statsRowLabel(t, i18n.language, stats.groupBy, row);
          const width = max > 0 && value ? Math.max(1, (value / max) * 100) : 0;
          return (
            <li key={row.key}>
              <Link to={`/cases?${drillDownSearch(stats.groupBy, row.key)}`} className="bar-row">
                <span className="bar-label">
                  {label}
                  <span className="bar-colon">:</span>
                </span>
                <span className="bar-track" aria-hidden="true">
                  <span className="bar-fill" style={{ width: `${width}%` }} />
                </span>
                <span className="bar-value">{valueText(value)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}

function StatsTable({ stats }: { stats: Stats }) {
  const { t, i18n } = useTranslation();
  const { currency } = stats;
  const hours = (value: number | null) => (value === null ? '–' : formatNumber(value));
  const cells = (row: Omit<StatsRow, 'key' | 'label'>) => (
    <>
      <Table.Td ta="right">{formatNumber(row.cases, 0)}</Table.Td>
      <Table.Td ta="right">{formatNumber(row.workOrders, 0)}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(row.costMinor, currency)}
      </Table.Td>
      <Table.Td ta="right">{hours(row.firstResponseMedianHours)}</Table.Td>
      <Table.Td ta="right">{hours(row.firstResponseP90Hours)}</Table.Td>
      <Table.Td ta="right">{hours(row.resolutionMedianHours)}</Table.Td>
      <Table.Td ta="right">{hours(row.resolutionP90Hours)}</Table.Td>
    </>
  );
  return (
    <TableScroll label={t('dashboard.tableHeading')} minWidth={820}>
      <Table striped>
        <Table.Caption ta="left" fw={600} c="var(--mantine-color-text)" style={{ captionSide: 'top' }}>
          {t('dashboard.tableCaption', { group: t(`dashboard.groupName.${stats.groupBy}`) })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`dashboard.groupBy.${stats.groupBy}`)}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.cases')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.workOrders')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.cost')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.firstResponseMedian')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.firstResponseP90')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.resolutionMedian')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.column.resolutionP90')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row">{statsRowLabel(t, i18n.language, stats.groupBy, row)}</Table.Th>
              {cells(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
            {cells(stats.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </TableScroll>
  );
}

/** Seed 003's dashboard: one measure per group as links that open the matching cases, and the full table. */
export function CaseDashboard({ state, onChange }: { state: DashboardState; onChange: (state: DashboardState) => void }) {
  const { t } = useTranslation();
  const stats = useCaseStats({
    groupBy: state.groupBy,
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
  });
  // The API lists only months with cases; the axis shows every month of the range.
  const data =
    stats.data?.groupBy === 'month' && stats.data.rows.length
      ? { ...stats.data, rows: fillMonthGaps(stats.data.rows, { from: state.from, to: state.to }) }
      : stats.data;

  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" component="search" aria-label={t('dashboard.filters')}>
        <NativeSelect
          label={t('dashboard.showLabel')}
          value={state.show}
          onChange={(e) => onChange({ ...state, show: e.currentTarget.value as StatsMeasure })}
          data={STATS_MEASURES.map((m) => ({ value: m, label: t(`dashboard.show.${m}`) }))}
        />
        <NativeSelect
          label={t('dashboard.groupByLabel')}
          value={state.groupBy}
          onChange={(e) => onChange({ ...state, groupBy: e.currentTarget.value as StatsGroup })}
          data={STATS_GROUPS.map((g) => ({ value: g, label: t(`dashboard.groupBy.${g}`) }))}
        />
        <TextInput
          type="date"
          label={t('cases.filters.from')}
          value={state.from ?? ''}
          max={state.to}
          onChange={(e) => onChange({ ...state, from: e.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          label={t('cases.filters.to')}
          value={state.to ?? ''}
          min={state.from}
          onChange={(e) => onChange({ ...state, to: e.currentTarget.value || undefined })}
        />
      </SimpleGrid>
      {stats.isPending ? (
        <Loading />
      ) : stats.isError ? (
        <ErrorAlert error={stats.error} />
      ) : stats.data.rows.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('dashboard.empty')}
        </Text>
      ) : (
        <>
          <section aria-labelledby="dashboard-chart-heading">
            <Title order={2} size="h4" id="dashboard-chart-heading" mb="xs">
              {t('dashboard.chartHeading')}
            </Title>
            <BarChart stats={data ?? stats.data} show={state.show} />
          </section>
          <section aria-labelledby="dashboard-table-heading">
            <Title order={2} size="h4" id="dashboard-table-heading" mb="xs">
              {t('dashboard.tableHeading')}
            </Title>
            <StatsTable stats={data ?? stats.data} />
          </section>
        </>
      )}
    </Stack>
  );
}

import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DashboardFilters } from '../utils/dashboard-filters';
import { METRICS, type Metric, STATS_GROUPS } from '../utils/metrics';

const isMetric = (value: string): value is Metric => (METRICS as readonly string[]).includes(value);

/** Changes apply at once: the chart below follows (its heading names what it shows). */
export function DashboardControls({
  value,
  onChange,
  rangeError,
}: {
  value: DashboardFilters;
  onChange: (next: DashboardFilters) => void;
  rangeError: boolean;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm" verticalSpacing="sm">
      <NativeSelect
        label={t('dashboard.show')}
        value={value.show}
        data={METRICS.map((m) => ({ value: m, label: t(`dashboard.metric.${m}`) }))}
        onChange={(event) => {
          const next = event.currentTarget.value;
          if (isMetric(next)) onChange({ ...value, show: next });
        }}
      />
      <NativeSelect
        label={t('dashboard.groupBy')}
        value={value.groupBy}
        data={STATS_GROUPS.map((g) => ({ value: g, label: t(`dashboard.group.${g}`) }))}
        onChange={(event) => {
          const next = STATS_GROUPS.find((g) => g === event.currentTarget.value);
          if (next) onChange({ ...value, groupBy: next });
        }}
      />
      <TextInput
        type="date"
        label={t('dashboard.from')}
        value={value.from ?? ''}
        onChange={(event) => onChange({ ...value, from: event.currentTarget.value || undefined })}
      />
      <TextInput
        type="date"
        label={t('dashboard.to')}
        value={value.to ?? ''}
        error={rangeError ? t('cases.search.dateOrder') : undefined}
        onChange={(event) => onChange({ ...value, to: event.currentTarget.value || undefined })}
      />
    </SimpleGrid>
  );
}

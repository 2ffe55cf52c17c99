import { Text } from '@mantine/core';
import type { Stats } from '@portico/shared/contracts/cases';
import { statsRowLabel } from '@portico/shared/months';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { drillDownPath, type Metric, metricText, metricValue } from '../utils/metrics';

/**
 * A horizontal bar chart without a chart library: every bar is a link to the cases it counts, its
 * text is the label and the value, so it works with the keyboard and a screen reader; the bar's
 * length is decoration.
 */
export function StatsChart({
  stats,
  metric,
  currency,
  range,
  labelledBy,
}: {
  stats: Stats;
  metric: Metric;
  currency: string;
  range: { from?: string | undefined; to?: string | undefined };
  labelledBy: string;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const max = Math.max(0, ...stats.rows.map((row) => metricValue(row, metric)));

  if (!stats.rows.length) return <Text c="gray.7">{t('dashboard.empty')}</Text>;

  return (
    <ul className="stat-chart" aria-labelledby={labelledBy}>
      {stats.rows.map((row) => {
        const value = metricValue(row, metric);
        const width = max > 0 ? `${(value / max) * 100}%` : '0%';
        return (
          <li key={row.key}>
            <Link className="stat-bar" to={drillDownPath(stats.groupBy, row.key, range)}>
              <span className="stat-bar-text">
                {t('dashboard.bar', {
                  label: statsRowLabel(t, locale, stats.groupBy, row),
                  value: metricText(t, row, metric, locale, currency),
                })}
              </span>
              <span className="stat-bar-track" aria-hidden="true">
                <span className="stat-bar-fill" style={{ width }} />
              </span>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

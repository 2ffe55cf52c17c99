import { Table } from '@mantine/core';
import type { Stats } from '@portico/shared/contracts/cases';
import { statsRowLabel } from '@portico/shared/months';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '@/lib/format';
import { hoursText } from '../utils/metrics';

/** Every figure of every group, with the totals: the chart's data for anyone who prefers a table. */
export function StatsTable({ stats, currency }: { stats: Stats; currency: string }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const figures = (row: Omit<Stats['rows'][number], 'key' | 'label'>) => (
    <>
      <Table.Td ta="right">{row.cases}</Table.Td>
      <Table.Td ta="right">{row.workOrders}</Table.Td>
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
        {formatMoney(row.costMinor, currency, locale)}
      </Table.Td>
      <Table.Td ta="right">{hoursText(t, row.firstResponseMedianHours, locale)}</Table.Td>
      <Table.Td ta="right">{hoursText(t, row.firstResponseP90Hours, locale)}</Table.Td>
      <Table.Td ta="right">{hoursText(t, row.resolutionMedianHours, locale)}</Table.Td>
      <Table.Td ta="right">{hoursText(t, row.resolutionP90Hours, locale)}</Table.Td>
    </>
  );

  return (
    // Scrolls sideways on a phone; focusable so the keyboard can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('dashboard.tableLabel')}>
      <Table striped miw={860} verticalSpacing="xs" captionSide="top">
        <Table.Caption ta="left" fw={600} c="gray.9">
          {t('dashboard.tableCaption', { group: t(`dashboard.group.${stats.groupBy}`).toLocaleLowerCase() })}
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t(`dashboard.group.${stats.groupBy}`)}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.cases')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.workOrders')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.cost')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.firstResponseMedian')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.firstResponseP90')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.resolutionMedian')}
            </Table.Th>
            <Table.Th scope="col" ta="right">
              {t('dashboard.col.resolutionP90')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stats.rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                {statsRowLabel(t, locale, stats.groupBy, row)}
              </Table.Th>
              {figures(row)}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('dashboard.total')}</Table.Th>
            {figures(stats.totals)}
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </section>
  );
}

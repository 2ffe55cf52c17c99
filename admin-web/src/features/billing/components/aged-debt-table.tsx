import { Anchor, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney } from '@/lib/format';
import { useAgedDebt } from '../api/aged-debt';

const BUCKETS = ['notDueMinor', 'days1to30Minor', 'days31to60Minor', 'days61to90Minor', 'over90Minor', 'totalMinor'] as const;

/** Open amounts per customer by days past due. */
export function AgedDebtTable() {
  const { t } = useTranslation('billing');
  const [cursor, setCursor] = useCursorParam();
  const debt = useAgedDebt(cursor);
  if (debt.isPending) return <Loading />;
  if (debt.isError) return <ErrorAlert error={debt.error} />;
  if (debt.data.items.length === 0)
    return (
      <Text c="dimmed" role="status">
        {t('aged.empty')}
      </Text>
    );
  return (
    <>
      <TableScroll label={t('aged.title')} minWidth={760}>
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('list.customer')}</Table.Th>
              {BUCKETS.map((b) => (
                <Table.Th key={b} style={{ textAlign: 'right' }}>
                  {t(`aged.${b}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {debt.data.items.map((row) => (
              <Table.Tr key={`${row.customer.id}-${row.currency}`}>
                <Table.Td>
                  <Anchor component={Link} to={`/billing?customerId=${row.customer.id}`}>
                    {row.customer.name}
                  </Anchor>
                </Table.Td>
                {BUCKETS.map((b) => (
                  <Table.Td key={b} style={{ textAlign: 'right' }}>
                    {formatMoney(row[b], row.currency)}
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <CursorPager page={debt.data} onCursor={setCursor} />
    </>
  );
}

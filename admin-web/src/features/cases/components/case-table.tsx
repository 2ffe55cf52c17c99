import { Anchor, Group, Table, Text } from '@mantine/core';
import type { CaseSummary } from '@portico/shared/contracts/cases';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { formatDate } from '@/lib/i18n';
import { useCases } from '../api/get-cases';
import { CASES_PAGE_SIZE, type CaseFilters } from '../lib/filters';
import { CaseStatusBadge, OverdueBadge } from './case-status-badge';

export function caseCustomerLabel(t: TFunction, c: CaseSummary): string {
  return c.customer ? c.customer.name : t('cases.allCustomersIn', { property: c.property.name });
}

function CaseRow({ item }: { item: CaseSummary }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{item.number}</Table.Td>
      <Table.Td>
        <Anchor component={Link} to={`/cases/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.title}
        </Anchor>
      </Table.Td>
      <Table.Td>{caseCustomerLabel(t, item)}</Table.Td>
      <Table.Td>
        <CaseStatusBadge status={item.status} />
      </Table.Td>
      <Table.Td>
        {item.assignee?.name ?? (
          <Text span c="dimmed">
            {t('cases.unassigned')}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {item.dueAt ? (
          <Group gap={6} wrap="nowrap">
            <time dateTime={item.dueAt}>{formatDate(item.dueAt)}</time>
            {item.overdue && <OverdueBadge />}
          </Group>
        ) : (
          '–'
        )}
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
      </Table.Td>
    </Table.Tr>
  );
}

export function CaseTable({
  filters,
  cursor,
  onCursor,
}: {
  filters: CaseFilters;
  cursor: string | undefined;
  onCursor: (cursor: string | undefined) => void;
}) {
  const { t } = useTranslation();
  const cases = useCases({ ...filters, ...(cursor ? { cursor } : {}), limit: CASES_PAGE_SIZE });

  if (cases.isPending) return <Loading />;
  if (cases.isError) return <ErrorAlert error={cases.error} />;
  const { items, total, totalCapped } = cases.data;
  if (items.length === 0) {
    return (
      <Text c="dimmed" py="lg" role="status">
        {t('cases.empty')}
      </Text>
    );
  }
  return (
    <>
      <Text size="sm" c="dimmed" mb="xs" role="status">
        {totalCapped ? t('cases.countCapped', { count: total }) : t('cases.count', { count: total })}
      </Text>
      <TableScroll label={t('cases.tableCaption')} minWidth={860}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Caption className="visually-hidden">{t('cases.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.column.number')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.title')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.customer')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.status')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.assignee')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.due')}</Table.Th>
              <Table.Th scope="col">{t('cases.column.created')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <CaseRow key={item.id} item={item} />
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      <CursorPager page={cases.data} onCursor={onCursor} />
    </>
  );
}

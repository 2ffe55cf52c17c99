import { Anchor, Checkbox, Group, NativeSelect, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { LEASE_STATUSES, LEASE_TYPES, LeaseListQuerySchema, type LeaseSummary } from '@portico/shared/contracts/leases';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { maxLengthOf } from '@/lib/form';
import { formatDate } from '@/lib/i18n';
import { useLeases } from '../api/get-leases';
import type { LeaseListParams } from '../api/query-keys';
import { LeaseStatusBadge } from './lease-status-badge';

export const LEASES_PAGE_SIZE = 25;
type Sort = 'number' | 'validFrom' | 'customer';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;

/** A column header that sorts the list; `aria-sort` tells which one does and which way. */
function SortHeader({
  column,
  sort,
  dir,
  onSort,
  children,
}: {
  column: Sort;
  sort: Sort;
  dir: 'asc' | 'desc';
  onSort: (s: Sort) => void;
  children: string;
}) {
  const active = sort === column;
  return (
    <Table.Th aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm">
        {children} {active ? (dir === 'asc' ? '▲' : '▼') : ''}
      </UnstyledButton>
    </Table.Th>
  );
}

function Row({ lease }: { lease: LeaseSummary }) {
  const { t } = useTranslation();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor component={Link} to={`/leases/${lease.id}`} fw={600}>
          {lease.number}
        </Anchor>
      </Table.Td>
      <Table.Td>{lease.customer.name}</Table.Td>
      <Table.Td>
        {lease.address}
        {lease.unitCount > 1 ? ` ${t('leases.moreUnits', { count: lease.unitCount - 1 })}` : ''}
      </Table.Td>
      <Table.Td>{t(`leases.type.${lease.type}`)}</Table.Td>
      <Table.Td>
        <LeaseStatusBadge status={lease.status} archived={lease.archived} />
      </Table.Td>
      <Table.Td>{formatDate(lease.validFrom)}</Table.Td>
      <Table.Td>{lease.validTo ? formatDate(lease.validTo) : '—'}</Table.Td>
    </Table.Tr>
  );
}

/** The console's lease list: search, filters and sort live in the URL with the cursor. */
export function LeaseList() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const q = params.get('q') ?? '';
  const status = pick(params.get('status'), LEASE_STATUSES);
  const type = pick(params.get('type'), LEASE_TYPES);
  const sort = pick(params.get('sort'), ['number', 'validFrom', 'customer'] as const) ?? 'number';
  const dir = pick(params.get('dir'), ['asc', 'desc'] as const) ?? 'asc';
  const archived = params.get('archived') === 'all' ? 'all' : undefined;

  /** A new filter or sort starts again at the first page. */
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('cursor');
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );

  const [input, setInput] = useState(q);
  const [debounced] = useDebouncedValue(input, 300);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new search term updates the URL
  useEffect(() => {
    if (debounced.trim() !== q) update({ q: debounced.trim() || undefined });
  }, [debounced]);

  const query: LeaseListParams = { q: q || undefined, status, type, sort, dir, archived, cursor, limit: LEASES_PAGE_SIZE };
  const leases = useLeases(query);
  const onSort = (column: Sort) => update({ sort: column, dir: column === sort && dir === 'asc' ? 'desc' : 'asc' });

  return (
    <Stack>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            update({ q: input.trim() || undefined });
          }}
        >
          <Group align="flex-end" gap="sm" wrap="wrap">
            <TextInput
              label={t('leases.search')}
              description={t('leases.searchHint')}
              type="search"
              value={input}
              maxLength={maxLengthOf(LeaseListQuerySchema.shape.q)}
              onChange={(event) => setInput(event.currentTarget.value)}
              style={{ flex: '1 1 16rem' }}
            />
            <NativeSelect
              label={t('leases.statusLabel')}
              value={status ?? ''}
              onChange={(event) => update({ status: event.currentTarget.value || undefined })}
              data={[
                { value: '', label: t('leases.allStatuses') },
                ...LEASE_STATUSES.map((s) => ({ value: s, label: t(`leases.status.${s}`) })),
              ]}
            />
            <NativeSelect
              label={t('leases.typeLabel')}
              value={type ?? ''}
              onChange={(event) => update({ type: event.currentTarget.value || undefined })}
              data={[{ value: '', label: t('leases.allTypes') }, ...LEASE_TYPES.map((s) => ({ value: s, label: t(`leases.type.${s}`) }))]}
            />
          </Group>
          <Checkbox
            mt="sm"
            label={t('leases.showArchived')}
            checked={archived === 'all'}
            onChange={(event) => update({ archived: event.currentTarget.checked ? 'all' : undefined })}
          />
        </form>
      </search>
      {leases.isPending ? (
        <Loading />
      ) : leases.isError ? (
        <ErrorAlert error={leases.error} />
      ) : leases.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {q ? t('leases.noResults', { q }) : t('leases.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {leases.data.totalCapped
              ? t('leases.countCapped', { total: new Intl.NumberFormat(i18n.language).format(leases.data.total) })
              : t('leases.count', { count: leases.data.total })}
          </Text>
          <TableScroll label={t('leases.title')} minWidth={860}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader column="number" sort={sort} dir={dir} onSort={onSort}>
                    {t('leases.number')}
                  </SortHeader>
                  <SortHeader column="customer" sort={sort} dir={dir} onSort={onSort}>
                    {t('leases.customer')}
                  </SortHeader>
                  <Table.Th>{t('leases.address')}</Table.Th>
                  <Table.Th>{t('leases.typeLabel')}</Table.Th>
                  <Table.Th>{t('leases.statusLabel')}</Table.Th>
                  <SortHeader column="validFrom" sort={sort} dir={dir} onSort={onSort}>
                    {t('leases.validFrom')}
                  </SortHeader>
                  <Table.Th>{t('leases.validTo')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {leases.data.items.map((lease) => (
                  <Row key={lease.id} lease={lease} />
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={leases.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

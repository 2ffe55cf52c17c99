import { Anchor, Badge, Group, NativeSelect, Stack, Table, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { PropertyListQuerySchema } from '@portico/shared/contracts/properties';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { maxLengthOf } from '@/lib/form';
import { useProperties } from '../api/get-properties';
import { useStaffOptions } from '../api/get-staff-options';
import type { PropertyListParams } from '../api/query-keys';

export const PROPERTIES_PAGE_SIZE = 25;

export type PropertyFilters = {
  q: string;
  managerId: string;
  archived: 'false' | 'true' | 'all';
  sort: 'name' | 'designation' | 'city';
  dir: 'asc' | 'desc';
};

function SortHeader({
  column,
  filters,
  onChange,
}: {
  column: PropertyFilters['sort'];
  filters: PropertyFilters;
  onChange: (next: Partial<PropertyFilters>) => void;
}) {
  const { t } = useTranslation();
  const active = filters.sort === column;
  const next = active && filters.dir === 'asc' ? 'desc' : 'asc';
  return (
    <Table.Th scope="col" aria-sort={active ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined}>
      <UnstyledButton fw={700} onClick={() => onChange({ sort: column, dir: next })}>
        {t(`properties.field.${column}`)}
        {active && <span aria-hidden="true">{filters.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
        <span className="visually-hidden"> {t(next === 'asc' ? 'properties.sortAsc' : 'properties.sortDesc')}</span>
      </UnstyledButton>
    </Table.Th>
  );
}

/** The console's property list: search, manager and archived filters, sortable columns, keyset pages. */
export function PropertyList({ filters, onChange }: { filters: PropertyFilters; onChange: (next: Partial<PropertyFilters>) => void }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const [input, setInput] = useState(filters.q);
  const [debounced] = useDebouncedValue(input, 300);
  useEffect(() => {
    if (debounced.trim() !== filters.q) onChange({ q: debounced.trim() });
  }, [debounced, filters.q, onChange]);
  const staff = useStaffOptions();

  const params: PropertyListParams = {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.managerId ? { managerId: filters.managerId } : {}),
    archived: filters.archived,
    sort: filters.sort,
    dir: filters.dir,
    cursor,
    limit: PROPERTIES_PAGE_SIZE,
  };
  const properties = useProperties(params);

  return (
    <Stack>
      <search>
        <Group align="flex-end" wrap="wrap">
          <form
            style={{ flex: '1 1 16rem' }}
            onSubmit={(event) => {
              event.preventDefault();
              onChange({ q: input.trim() });
            }}
          >
            <TextInput
              label={t('properties.search')}
              description={t('properties.searchHint')}
              type="search"
              value={input}
              maxLength={maxLengthOf(PropertyListQuerySchema.shape.q)}
              onChange={(event) => setInput(event.currentTarget.value)}
            />
          </form>
          <NativeSelect
            label={t('properties.field.manager')}
            value={filters.managerId}
            onChange={(event) => onChange({ managerId: event.currentTarget.value })}
            data={[
              { value: '', label: t('properties.anyManager') },
              ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
            ]}
          />
          <NativeSelect
            label={t('properties.show')}
            value={filters.archived}
            onChange={(event) => onChange({ archived: event.currentTarget.value as PropertyFilters['archived'] })}
            data={[
              { value: 'false', label: t('properties.showLive') },
              { value: 'true', label: t('properties.showArchived') },
              { value: 'all', label: t('properties.showAll') },
            ]}
          />
        </Group>
      </search>
      {properties.isPending ? (
        <Loading />
      ) : properties.isError ? (
        <ErrorAlert error={properties.error} />
      ) : properties.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {filters.q ? t('properties.noResults', { q: filters.q }) : t('properties.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {properties.data.totalCapped
              ? t('properties.countCapped', { total: new Intl.NumberFormat(i18n.language).format(properties.data.total) })
              : t('properties.count', { count: properties.data.total })}
          </Text>
          <TableScroll label={t('properties.title')} minWidth={720}>
            <Table striped>
              <Table.Caption className="visually-hidden">{t('properties.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <SortHeader column="name" filters={filters} onChange={onChange} />
                  <SortHeader column="designation" filters={filters} onChange={onChange} />
                  <Table.Th scope="col">{t('properties.field.street')}</Table.Th>
                  <SortHeader column="city" filters={filters} onChange={onChange} />
                  <Table.Th scope="col">{t('properties.field.manager')}</Table.Th>
                  <Table.Th scope="col">{t('properties.units')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {properties.data.items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Th scope="row">
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/properties/${p.id}`} fw={600}>
                          {p.name}
                        </Anchor>
                        {p.archivedAt && (
                          <Badge variant="outline" color="gray.8" size="sm">
                            {t('properties.archived')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{p.designation}</Table.Td>
                    <Table.Td>{p.street}</Table.Td>
                    <Table.Td>
                      {p.postalCode} {p.city}
                    </Table.Td>
                    <Table.Td>{p.manager?.name ?? '–'}</Table.Td>
                    <Table.Td>{p.unitCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={properties.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

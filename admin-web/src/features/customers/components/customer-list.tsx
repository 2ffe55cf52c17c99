import { Anchor, Badge, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { CustomerListQuerySchema, type CustomerSummary } from '@portico/shared/contracts/customers';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { maxLengthOf } from '@/lib/form';
import { useCustomers } from '../api/get-customers';

export const CUSTOMERS_PAGE_SIZE = 25;

function CustomerRow({ customer }: { customer: CustomerSummary }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/customers/${customer.id}`} fw={600}>
          {customer.name}
        </Anchor>
        <Badge variant="outline" color="gray.8" size="sm">
          {t(`customers.kind.${customer.kind}`)}
        </Badge>
      </Group>
      {customer.archivedAt && (
        <Badge color="gray.8" variant="filled" size="sm">
          {t('customers.archived')}
        </Badge>
      )}
      {customer.identityNumber && (
        <Text size="sm">
          <VisuallyHidden>{t('customers.identityNumber')}: </VisuallyHidden>
          {customer.identityNumber}
        </Text>
      )}
      {customer.email && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {customer.email}
        </Text>
      )}
      <Text size="sm" mt={2}>
        {customer.leases.length === 0 ? t('customers.noLeases') : customer.leases.map((l) => `${l.number} · ${l.address}`).join('; ')}
      </Text>
    </Paper>
  );
}

export type CustomerFilters = {
  q: string;
  kind: 'person' | 'company' | undefined;
  archived: 'false' | 'true' | 'all';
  sort: 'name' | 'created';
  dir: 'asc' | 'desc';
};

/** Sort options as one select: the column and its direction together. */
const ORDERS = ['name-asc', 'name-desc', 'created-desc', 'created-asc'] as const;

export function CustomerList({ filters, onChange }: { filters: CustomerFilters; onChange: (next: Partial<CustomerFilters>) => void }) {
  const { t, i18n } = useTranslation();
  const { q, kind, archived, sort, dir } = filters;
  const [cursor, setCursor] = useCursorParam();
  const [input, setInput] = useState(q);
  const [debounced] = useDebouncedValue(input, 300);
  useEffect(() => {
    if (debounced.trim() !== q) onChange({ q: debounced.trim() });
  }, [debounced, q, onChange]);

  const customers = useCustomers({
    ...(q ? { q } : {}),
    ...(kind ? { kind } : {}),
    ...(archived !== 'false' ? { archived } : {}),
    ...(sort !== 'name' || dir !== 'asc' ? { sort, dir } : {}),
    cursor,
    limit: CUSTOMERS_PAGE_SIZE,
  });

  return (
    <Stack>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onChange({ q: input.trim() });
          }}
        >
          <TextInput
            label={t('customers.search')}
            description={t('customers.searchHint')}
            type="search"
            value={input}
            maxLength={maxLengthOf(CustomerListQuerySchema.shape.q)}
            onChange={(event) => setInput(event.currentTarget.value)}
          />
        </form>
      </search>
      <SimpleGrid cols={{ base: 1, xs: 3 }}>
        <NativeSelect
          label={t('customers.filterKind')}
          value={kind ?? ''}
          onChange={(event) => onChange({ kind: (event.currentTarget.value || undefined) as CustomerFilters['kind'] })}
          data={[
            { value: '', label: t('customers.allKinds') },
            { value: 'person', label: t('customers.kind.person') },
            { value: 'company', label: t('customers.kind.company') },
          ]}
        />
        <NativeSelect
          label={t('customers.filterArchived')}
          value={archived}
          onChange={(event) => onChange({ archived: event.currentTarget.value as CustomerFilters['archived'] })}
          data={(['false', 'true', 'all'] as const).map((v) => ({ value: v, label: t(`customers.archivedFilter.${v}`) }))}
        />
        <NativeSelect
          label={t('customers.sortLabel')}
          value={`${sort}-${dir}`}
          onChange={(event) => {
            const [nextSort, nextDir] = event.currentTarget.value.split('-') as [CustomerFilters['sort'], CustomerFilters['dir']];
            onChange({ sort: nextSort, dir: nextDir });
          }}
          data={ORDERS.map((o) => ({ value: o, label: t(`customers.sort.${o}`) }))}
        />
      </SimpleGrid>
      {customers.isPending ? (
        <Loading />
      ) : customers.isError ? (
        <ErrorAlert error={customers.error} />
      ) : customers.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {q ? t('customers.noResults', { q }) : t('customers.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {customers.data.totalCapped
              ? t('customers.countCapped', { total: new Intl.NumberFormat(i18n.language).format(customers.data.total) })
              : t('customers.count', { count: customers.data.total })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {customers.data.items.map((customer) => (
              <CustomerRow key={customer.id} customer={customer} />
            ))}
          </Stack>
          <CursorPager page={customers.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

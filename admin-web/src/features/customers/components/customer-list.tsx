import { Anchor, Badge, Group, Paper, Stack, Text, TextInput } from '@mantine/core';
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

export function CustomerList({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const { t, i18n } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const [input, setInput] = useState(q);
  const [debounced] = useDebouncedValue(input, 300);
  useEffect(() => {
    if (debounced.trim() !== q) onSearch(debounced.trim());
  }, [debounced, q, onSearch]);

  const customers = useCustomers({ ...(q ? { q } : {}), cursor, limit: CUSTOMERS_PAGE_SIZE });

  return (
    <Stack>
      <search>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            onSearch(input.trim());
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

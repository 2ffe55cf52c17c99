import { CloseButton, Combobox, InputBase, Loader, Text, useCombobox } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCustomer } from '../api/get-customer';
import { useCustomers } from '../api/get-customers';

/**
 * A searchable customer field (server-side search); `initialCustomerId` preselects one.
 * Built from Combobox parts so that only the input carries the field's label.
 */
export function CustomerPicker({
  value,
  onChange,
  initialCustomerId,
  error,
}: {
  value: CustomerSummary | null;
  onChange: (customer: CustomerSummary | null) => void;
  initialCustomerId?: string | null;
  error?: string;
}) {
  const { t } = useTranslation();
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() });
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const query = debounced !== '' && debounced !== value?.name ? debounced : '';
  const results = useCustomers({ ...(query ? { q: query } : {}), limit: 20 });

  const applied = useRef(false);
  const initial = useCustomer(initialCustomerId && !applied.current ? initialCustomerId : null);
  const initialData = initial.data;
  useEffect(() => {
    if (initialData && !applied.current) {
      applied.current = true;
      onChange(initialData);
      setSearch(initialData.name);
    }
  }, [initialData, onChange]);

  const options = useMemo(() => results.data?.items ?? [], [results.data]);
  const pick = (customer: CustomerSummary | null) => {
    onChange(customer);
    setSearch(customer?.name ?? '');
  };

  return (
    <Combobox
      store={combobox}
      onOptionSubmit={(id) => {
        pick(options.find((c) => c.id === id) ?? null);
        combobox.closeDropdown();
      }}
    >
      <Combobox.Target>
        <InputBase
          label={t('compose.customer')}
          placeholder={t('compose.customerPlaceholder')}
          required
          autoComplete="off"
          value={search}
          error={error ?? (initial.isError ? t('compose.customerNotFound') : undefined)}
          onChange={(event) => {
            setSearch(event.currentTarget.value);
            combobox.openDropdown();
            combobox.updateSelectedOptionIndex();
          }}
          onClick={() => combobox.openDropdown()}
          onFocus={() => combobox.openDropdown()}
          onBlur={() => {
            combobox.closeDropdown();
            setSearch(value?.name ?? '');
          }}
          rightSection={
            value ? (
              <CloseButton
                size="sm"
                aria-label={t('compose.clearSelection')}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(null)}
              />
            ) : results.isFetching ? (
              <Loader size={14} aria-hidden />
            ) : (
              <Combobox.Chevron />
            )
          }
          rightSectionPointerEvents={value ? 'all' : 'none'}
        />
      </Combobox.Target>
      <Combobox.Dropdown>
        <Combobox.Options aria-label={t('compose.customerResults')} mah={320} style={{ overflowY: 'auto' }}>
          {options.length === 0 ? (
            <Combobox.Empty>{results.isFetching ? t('app.loading') : t('compose.noCustomers')}</Combobox.Empty>
          ) : (
            options.map((c) => (
              <Combobox.Option value={c.id} key={c.id} active={c.id === value?.id}>
                <Text size="sm" fw={500}>
                  {c.name}
                </Text>
                {c.leases.length > 0 && (
                  <Text size="xs" c="dimmed">
                    {c.leases.map((l) => l.address).join('; ')}
                  </Text>
                )}
              </Combobox.Option>
            ))
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  );
}

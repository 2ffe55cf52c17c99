import { Loader, MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { UnitOption } from '@portico/shared/contracts/leases';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUnitOptions } from '../api/get-unit-options';

export type PickedUnit = Pick<UnitOption, 'id' | 'number' | 'address'> & { leasedBy?: string | null };

/**
 * The lease's units, searched on the server (number, address, property); the first picked is the
 * main unit. Units held by another lease today say so (the API refuses overlapping dates).
 */
export function UnitPicker({
  value,
  onChange,
  error,
  ownLeaseNumber,
}: {
  value: PickedUnit[];
  onChange: (units: PickedUnit[]) => void;
  error?: string | undefined;
  ownLeaseNumber?: string | undefined;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const options = useUnitOptions(debounced);
  const known = useMemo(() => {
    const map = new Map<string, PickedUnit>(value.map((u) => [u.id, u]));
    for (const u of options.data?.items ?? []) map.set(u.id, u);
    return map;
  }, [value, options.data]);
  const label = (u: PickedUnit) => {
    const held = u.leasedBy && u.leasedBy !== ownLeaseNumber ? ` — ${t('leases.form.leasedBy', { number: u.leasedBy })}` : '';
    return `${u.number} · ${u.address}${held}`;
  };
  const data = [...known.values()].map((u) => ({ value: u.id, label: label(u) }));
  return (
    <MultiSelect
      label={t('leases.form.units')}
      description={t('leases.form.unitsHint')}
      placeholder={value.length ? undefined : t('leases.form.unitsPlaceholder')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already; show what it found.
      filter={({ options: all }) => all}
      data={data}
      value={value.map((u) => u.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((u): u is PickedUnit => Boolean(u)))}
      nothingFoundMessage={options.isFetching ? t('app.loading') : t('leases.form.noUnits')}
      rightSection={options.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      error={error}
      hidePickedOptions={false}
    />
  );
}

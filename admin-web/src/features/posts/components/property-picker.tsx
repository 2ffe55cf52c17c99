import { Loader, MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePropertyOptions } from '../api/get-posts';

export type PickedProperty = { id: string; name: string };

/** The properties a post is for, searched on the server by name, designation or street. */
export function PropertyPicker({
  value,
  onChange,
  error,
}: {
  value: PickedProperty[];
  onChange: (properties: PickedProperty[]) => void;
  error?: string | undefined;
}) {
  const { t } = useTranslation('posts');
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const options = usePropertyOptions(debounced);
  const known = useMemo(() => {
    const map = new Map<string, PickedProperty>(value.map((p) => [p.id, p]));
    for (const p of options.data?.items ?? []) map.set(p.id, { id: p.id, name: p.name });
    return map;
  }, [value, options.data]);
  return (
    <MultiSelect
      label={t('console.form.properties')}
      required
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      // The server searched already; show what it found.
      filter={({ options: all }) => all}
      data={[...known.values()].map((p) => ({ value: p.id, label: p.name }))}
      value={value.map((p) => p.id)}
      onChange={(ids) => onChange(ids.map((id) => known.get(id)).filter((p): p is PickedProperty => Boolean(p)))}
      nothingFoundMessage={options.isFetching ? undefined : t('console.form.noProperties')}
      rightSection={options.isFetching ? <Loader size={14} aria-hidden /> : undefined}
      error={error}
      hidePickedOptions={false}
    />
  );
}

import { Button, Group } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { type PropertyFilters, PropertyList } from '@/features/properties/components/property-list';

const SORTS = ['name', 'designation', 'city'] as const;
const ARCHIVED = ['false', 'true', 'all'] as const;
const pick = <T extends string>(values: readonly T[], value: string | null, fallback: T): T =>
  values.includes(value as T) ? (value as T) : fallback;

export function PropertiesRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const canEdit = me.data?.role === 'admin' || me.data?.role === 'manager';
  const [params, setParams] = useSearchParams();
  const filters: PropertyFilters = {
    q: params.get('q') ?? '',
    managerId: params.get('managerId') ?? '',
    archived: pick(ARCHIVED, params.get('archived'), 'false'),
    sort: pick(SORTS, params.get('sort'), 'name'),
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };

  // A new filter or order starts again from the first page (the cursor is dropped).
  const onChange = useCallback(
    (next: Partial<PropertyFilters>) =>
      setParams(
        (previous) => {
          const merged = new URLSearchParams(previous);
          merged.delete('cursor');
          for (const [k, v] of Object.entries(next)) {
            const isDefault = !v || (k === 'archived' && v === 'false') || (k === 'sort' && v === 'name') || (k === 'dir' && v === 'asc');
            if (isDefault) merged.delete(k);
            else merged.set(k, v);
          }
          return merged;
        },
        { replace: true },
      ),
    [setParams],
  );

  return (
    <>
      <PageHeading title={t('properties.title')} />
      {canEdit && (
        <Group mb="md">
          <Button component={Link} to="/properties/new">
            {t('properties.new')}
          </Button>
        </Group>
      )}
      <PropertyList filters={filters} onChange={onChange} />
    </>
  );
}

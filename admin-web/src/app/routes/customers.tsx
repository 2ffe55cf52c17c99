import { Button, Group } from '@mantine/core';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { type CustomerFilters, CustomerList } from '@/features/customers/components/customer-list';

const KINDS = ['person', 'company'] as const;
const ARCHIVED = ['false', 'true', 'all'] as const;
const SORTS = ['name', 'created'] as const;
const pick = <T extends string>(value: string | null, options: readonly T[]): T | undefined => options.find((o) => o === value);

export function CustomersRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  // The filters live in the URL (with the search and the cursor), so a reload or a shared link shows the same list.
  const filters: CustomerFilters = {
    q: params.get('q') ?? '',
    kind: pick(params.get('kind'), KINDS),
    archived: pick(params.get('archived'), ARCHIVED) ?? 'false',
    sort: pick(params.get('sort'), SORTS) ?? 'name',
    dir: params.get('dir') === 'desc' ? 'desc' : 'asc',
  };

  const onChange = useCallback(
    (next: Partial<CustomerFilters>) =>
      setParams(
        (previous) => {
          const out = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(next)) {
            if (value) out.set(key, value);
            else out.delete(key);
          }
          out.delete('cursor'); // a new filter starts at its first page
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  const canManage = me.data?.role === 'admin' || me.data?.role === 'manager';

  return (
    <>
      <Group justify="space-between" align="flex-end">
        <PageHeading title={t('customers.title')} />
        {canManage && (
          <Button component={Link} to="/customers/new">
            {t('customers.new')}
          </Button>
        )}
      </Group>
      <CustomerList filters={filters} onChange={onChange} />
    </>
  );
}

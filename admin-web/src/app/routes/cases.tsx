import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { CaseFiltersForm } from '@/features/cases/components/case-filters-form';
import { CaseTable } from '@/features/cases/components/case-table';
import { type CaseFilters, cursorFromSearch, filtersFromSearch, filtersToSearch } from '@/features/cases/lib/filters';

/** The queue; every filter lives in the URL so a view can be shared and the dashboard can link to it. */
export function CasesRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const technician = me.data?.role === 'technician';
  const [params, setParams] = useSearchParams();
  const filters = filtersFromSearch(params);
  const cursor = cursorFromSearch(params);
  const filterKey = filtersToSearch(filters).toString();

  const apply = (next: CaseFilters) => setParams(filtersToSearch(next));
  const onCursor = (next: string | undefined) => setParams(filtersToSearch(filters, next));

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeading title={t('cases.title')} />
        {!technician && (
          <Group gap="xs" mb="md">
            <Button component={Link} to="/cases/new">
              {t('cases.new')}
            </Button>
            <Button component={Link} to="/cases/inform" variant="default">
              {t('cases.inform.button')}
            </Button>
          </Group>
        )}
      </Group>
      <CaseFiltersForm key={filterKey} filters={filters} onApply={apply} showAssignee={!technician} />
      <div style={{ marginTop: 'var(--mantine-spacing-lg)' }}>
        <CaseTable filters={filters} cursor={cursor} onCursor={onCursor} />
      </div>
    </>
  );
}

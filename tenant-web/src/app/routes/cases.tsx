import { Alert, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext, useSearchParams } from 'react-router';
import { ActiveFilters } from '@/features/cases/components/active-filters';
import { CaseSearchForm } from '@/features/cases/components/case-search-form';
import { CaseTable } from '@/features/cases/components/case-table';
import { type CaseFilters, filtersFromParams, filtersToParams } from '@/features/cases/utils/case-filters';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 001 "Ärenden" and seed 003 "Sök ärende": the organisation's cases, current ones first, filters in the URL. */
export function CasesRoute() {
  const { t } = useTranslation();
  usePageTitle(t('cases.title'));
  const { membership } = useOutletContext<PortalOutletContext>();
  const [params, setParams] = useSearchParams();
  const filters = filtersFromParams(params);

  const update = (next: CaseFilters) => setParams(filtersToParams(next));
  // A filter change starts again from the first page: the cursor belongs to the old result.
  const search = (next: Partial<CaseFilters>) => update({ ...filters, ...next, cursor: undefined });

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{t('cases.title')}</Title>
        <Button component={Link} to="/cases/new">
          {t('cases.new')}
        </Button>
      </Group>
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {t('cases.noCustomer')}
        </Alert>
      ) : (
        <>
          <Paper withBorder p="md" component="section" aria-labelledby="case-search-heading">
            <Title order={2} size="h4" id="case-search-heading" mb="sm">
              {t('cases.search.title')}
            </Title>
            {/* Remounts when the URL changes (back button, a dashboard link) so the form shows the filters in use. */}
            <CaseSearchForm
              key={params.toString()}
              value={filters}
              onSearch={search}
              onClear={() => update({ scope: 'current', sort: 'created_desc' })}
            />
          </Paper>
          <section aria-labelledby="case-results-heading">
            <Stack gap="sm">
              <Title order={2} size="h4" id="case-results-heading">
                {t('cases.results')}
              </Title>
              <ActiveFilters
                params={{ ...filters, customerId: membership.customerId }}
                onRemove={(name) => update({ ...filters, [name]: undefined, cursor: undefined })}
              />
              <CaseTable params={{ ...filters, customerId: membership.customerId }} onCursor={(cursor) => update({ ...filters, cursor })} />
            </Stack>
          </section>
        </>
      )}
    </Stack>
  );
}

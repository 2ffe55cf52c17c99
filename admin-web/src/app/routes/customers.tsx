import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { CustomerList } from '@/features/customers/components/customer-list';

export function CustomersRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);

  const onSearch = useCallback((next: string) => setParams(next ? { q: next } : {}, { replace: true }), [setParams]);
  const onPageChange = (next: number) => setParams({ ...(q ? { q } : {}), ...(next > 1 ? { page: String(next) } : {}) });

  return (
    <>
      <PageHeading title={t('customers.title')} />
      <CustomerList q={q} page={page} onSearch={onSearch} onPageChange={onPageChange} />
    </>
  );
}

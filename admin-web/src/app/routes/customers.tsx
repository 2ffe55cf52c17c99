import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { CustomerList } from '@/features/customers/components/customer-list';

export function CustomersRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';

  const onSearch = useCallback((next: string) => setParams(next ? { q: next } : {}, { replace: true }), [setParams]);

  return (
    <>
      <PageHeading title={t('customers.title')} />
      <CustomerList q={q} onSearch={onSearch} />
    </>
  );
}

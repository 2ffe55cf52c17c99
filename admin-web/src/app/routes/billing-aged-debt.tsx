import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { AgedDebtTable } from '@/features/billing/components/aged-debt-table';

export function BillingAgedDebtRoute() {
  const { t } = useTranslation('billing');
  return (
    <>
      <PageHeading title={t('aged.title')} />
      <AgedDebtTable />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { InvoiceList } from '@/features/billing/components/invoice-list';

/** Billing → Invoices: every notice, charge and credit note, filtered in the URL. */
export function BillingInvoicesRoute() {
  const { t } = useTranslation('billing');
  return (
    <>
      <PageHeading title={t('list.title')} />
      <InvoiceList />
    </>
  );
}

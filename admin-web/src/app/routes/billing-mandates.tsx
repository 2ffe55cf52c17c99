import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { MandateList } from '@/features/mandates/components/mandate-list';

/** Billing → Mandates (issue 11 §4): direct-debit agreements, export, activate/reject/cancel. */
export function BillingMandatesRoute() {
  const { t, ready } = useTranslation('mandates');
  return (
    <>
      <PageHeading title={ready ? t('title') : ''} />
      {ready && <MandateList />}
    </>
  );
}

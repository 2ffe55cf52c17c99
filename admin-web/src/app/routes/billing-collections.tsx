import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { Collections } from '@/features/mandates/components/collections';

/** Billing → Collections (issue 11 §4): confirm a direct-debit collection run. */
export function BillingCollectionsRoute() {
  const { t, ready } = useTranslation('mandates');
  return (
    <>
      <PageHeading title={ready ? t('collections.heading') : ''} />
      {ready && <Collections />}
    </>
  );
}

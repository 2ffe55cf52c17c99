import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { BgmaxUpload, PaymentImportList } from '@/features/payments/components/bgmax-import';
import { PaymentList } from '@/features/payments/components/payment-list';
import { RegisterPayment } from '@/features/payments/components/register-payment';
import { UnmatchedQueue } from '@/features/payments/components/unmatched-queue';

const writers = new Set(['admin', 'finance']);

/** Issue 11 §3: every payment with filters and export; finance and admins register one by hand. */
export function BillingPaymentsRoute() {
  const { t } = useTranslation('payments');
  const me = useMe();
  return (
    <>
      <PageHeading title={t('pages.payments')} />
      <Stack gap="lg">
        {me.data && writers.has(me.data.role) && <RegisterPayment />}
        <PaymentList canWrite={Boolean(me.data && writers.has(me.data.role))} />
      </Stack>
    </>
  );
}

/** The unmatched queue: finance and admins assign; managers look. */
export function BillingUnmatchedRoute() {
  const { t } = useTranslation('payments');
  const me = useMe();
  return (
    <>
      <PageHeading title={t('pages.unmatched')} />
      <UnmatchedQueue canWrite={Boolean(me.data && writers.has(me.data.role))} />
    </>
  );
}

/** BgMax imports: finance and admins upload; everyone in billing sees past imports. */
export function BillingImportsRoute() {
  const { t } = useTranslation('payments');
  const me = useMe();
  return (
    <>
      <PageHeading title={t('pages.imports')} />
      <Stack gap="lg">
        {me.data && writers.has(me.data.role) && <BgmaxUpload />}
        <PaymentImportList />
      </Stack>
    </>
  );
}

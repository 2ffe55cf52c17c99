import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useInvoice } from '@/features/billing/api/get-invoice';
import { InvoiceDetails } from '@/features/billing/components/invoice-details';

export const canManageBilling = (role: string | undefined) => role === 'admin' || role === 'finance';

/** One notice, charge or credit note. */
export function BillingInvoiceRoute() {
  const { t } = useTranslation('billing');
  const { invoiceId = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe();
  const invoice = useInvoice(invoiceId);
  if (invoice.isPending) return <Loading />;
  if (invoice.isError) return <ErrorAlert error={invoice.error} />;
  return (
    <>
      <PageHeading title={t('detail.title', { number: invoice.data.number })} />
      <InvoiceDetails
        invoice={invoice.data}
        canManage={canManageBilling(me.data?.role)}
        onCredited={(id) => navigate(`/billing/invoices/${id}`)}
      />
    </>
  );
}

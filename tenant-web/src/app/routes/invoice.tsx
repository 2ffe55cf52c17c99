import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext, useParams } from 'react-router';
import { MoneyTabs } from '@/components/money-tabs';
import { PageLoader } from '@/components/page-loader';
import { useInvoice } from '@/features/invoices/api/get-invoice';
import { NoticeView } from '@/features/invoices/components/notice-view';
import { StrongAuthPanel } from '@/features/invoices/components/strong-auth-panel';
import { errorText } from '@/lib/errors';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 001: one notice — reference, QR code, amount, due date, the PDF and "Pay". Main administrators only. */
export function InvoiceRoute() {
  const { t } = useTranslation();
  const { t: tm, ready } = useTranslation('money');
  const { invoiceId = '' } = useParams();
  const { me, membership } = useOutletContext<PortalOutletContext>();
  const allowed = Boolean(membership && canSeeInvoices(membership.role));
  const needsStrongAuth = Boolean(membership?.landlord.invoicesRequireStrongAuth && !me.strongAuth);
  const detail = useInvoice(membership?.customerId ?? '', invoiceId, allowed && !needsStrongAuth);
  usePageTitle(detail.data ? tm('notice.title', { number: detail.data.number }) : t('nav.invoices'));
  if (!ready) return <PageLoader />;

  const body = () => {
    if (!allowed)
      return (
        <Alert color="yellow" variant="light" role="status">
          {t('invoices.notAllowed')}
        </Alert>
      );
    if (needsStrongAuth) return <StrongAuthPanel />;
    if (detail.isPending) return <PageLoader />;
    if (detail.isError) {
      if (detail.error instanceof ApiRequestError && detail.error.code === 'strong_auth_required') return <StrongAuthPanel />;
      return (
        <Alert color="red" role="alert">
          {detail.error instanceof ApiRequestError && detail.error.status === 404 ? tm('notice.notFound') : errorText(t, detail.error)}
        </Alert>
      );
    }
    return <NoticeView notice={detail.data} customerId={membership!.customerId} />;
  };

  return (
    <Stack gap="md">
      {allowed && <MoneyTabs />}
      <Anchor component={Link} to="/invoices">
        {tm('notice.back')}
      </Anchor>
      {!detail.data && <Title order={1}>{t('nav.invoices')}</Title>}
      {body()}
    </Stack>
  );
}

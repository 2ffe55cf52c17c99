import { Alert, Group, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { MoneyTabs } from '@/components/money-tabs';
import { PageLoader } from '@/components/page-loader';
import { InvoiceTable } from '@/features/invoices/components/invoice-table';
import { errorCodeText } from '@/lib/errors';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 002: main administrators only, and with BankID/MitID when the landlord demands it. Seed 001: unpaid first. */
export function InvoicesRoute() {
  const { t } = useTranslation();
  // The money pages' strings are a namespace of their own, loaded with the page.
  const { ready } = useTranslation('money');
  usePageTitle(t('nav.invoices'));
  const { me, membership } = useOutletContext<PortalOutletContext>();
  const [params, setParams] = useSearchParams();
  const unpaidOnly = params.get('unpaid') !== '0';
  const eidError = params.get('eidError');

  // A filter change starts at the first page: the params are rebuilt without the list's cursor.
  const update = (next: { unpaid: boolean }) => setParams(next.unpaid ? {} : { unpaid: '0' });
  if (!ready) return <PageLoader />;

  return (
    <Stack gap="md">
      <Title order={1}>{t('nav.invoices')}</Title>
      {membership && canSeeInvoices(membership.role) && <MoneyTabs />}
      {eidError && (
        <Alert color="red" variant="light" role="alert" title={t('eid.failedTitle')}>
          {errorCodeText(t, eidError)}
        </Alert>
      )}
      {!membership || !canSeeInvoices(membership.role) ? (
        <Alert color="yellow" variant="light" role="status">
          {t('invoices.notAllowed')}
        </Alert>
      ) : (
        <>
          <Group justify="flex-end">
            <Switch
              label={t('invoices.unpaidOnly')}
              checked={unpaidOnly}
              onChange={(event) => update({ unpaid: event.currentTarget.checked })}
            />
          </Group>
          <InvoiceTable
            customerId={membership.customerId}
            unpaidOnly={unpaidOnly}
            needsStrongAuth={membership.landlord.invoicesRequireStrongAuth && !me.strongAuth}
          />
        </>
      )}
    </Stack>
  );
}

import { Alert, Group, Stack, Switch, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { InvoiceTable } from '@/features/invoices/components/invoice-table';
import { errorCodeText } from '@/lib/errors';
import { canSeeInvoices } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 002: main administrators only, and with BankID/MitID when the landlord demands it. Seed 001: unpaid first. */
export function InvoicesRoute() {
  const { t } = useTranslation();
  usePageTitle(t('invoices.title'));
  const { me, membership } = useOutletContext<PortalOutletContext>();
  const [params, setParams] = useSearchParams();
  const unpaidOnly = params.get('unpaid') !== '0';
  const eidError = params.get('eidError');

  // A filter change starts at the first page: the params are rebuilt without the list's cursor.
  const update = (next: { unpaid: boolean }) => setParams(next.unpaid ? {} : { unpaid: '0' });

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{t('invoices.title')}</Title>
        {membership && canSeeInvoices(membership.role) && (
          <Switch
            label={t('invoices.unpaidOnly')}
            checked={unpaidOnly}
            onChange={(event) => update({ unpaid: event.currentTarget.checked })}
          />
        )}
      </Group>
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
        <InvoiceTable
          customerId={membership.customerId}
          unpaidOnly={unpaidOnly}
          needsStrongAuth={membership.landlord.invoicesRequireStrongAuth && !me.strongAuth}
        />
      )}
    </Stack>
  );
}

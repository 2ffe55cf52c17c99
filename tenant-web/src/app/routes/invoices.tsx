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
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const eidError = params.get('eidError');

  const update = (next: { unpaid: boolean; page: number }) => {
    const out: Record<string, string> = {};
    if (!next.unpaid) out.unpaid = '0';
    if (next.page > 1) out.page = String(next.page);
    setParams(out);
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{t('invoices.title')}</Title>
        {membership && canSeeInvoices(membership.role) && (
          <Switch
            label={t('invoices.unpaidOnly')}
            checked={unpaidOnly}
            onChange={(event) => update({ unpaid: event.currentTarget.checked, page: 1 })}
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
          page={page}
          onPageChange={(next) => update({ unpaid: unpaidOnly, page: next })}
          needsStrongAuth={membership.landlord.invoicesRequireStrongAuth && !me.strongAuth}
        />
      )}
    </Stack>
  );
}

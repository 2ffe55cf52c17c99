import { Alert, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { EidButtons } from '@/components/eid-buttons';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatDate, formatMoney } from '@/lib/format';
import { usePayments } from '../api/get-payments';

export const PAYMENT_PAGE_SIZE = 25;

/** Seed 002: money needs BankID/MitID where the landlord demands it; step up and come back here. */
function StrongAuthNeeded() {
  const { t } = useTranslation('money');
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('payments.strongAuthTitle')}
        </Title>
        <Text>{t('payments.strongAuthText')}</Text>
        <EidButtons intent="step-up" returnTo="/invoices/payments" />
      </Stack>
    </Paper>
  );
}

/** The customer's payments, newest first: day, amount, reference and the notices each paid (seed 001). */
export function PaymentTable({ customerId, needsStrongAuth }: { customerId: string; needsStrongAuth: boolean }) {
  const { t, i18n } = useTranslation('money');
  const [cursor, setCursor] = useCursorParam();
  const shownCustomer = useRef(customerId);
  useEffect(() => {
    if (shownCustomer.current === customerId) return;
    shownCustomer.current = customerId;
    setCursor(undefined);
  }, [customerId, setCursor]);
  const payments = usePayments({ customerId, cursor, limit: PAYMENT_PAGE_SIZE }, !needsStrongAuth);
  const locale = i18n.language;

  if (needsStrongAuth) return <StrongAuthNeeded />;
  if (payments.isPending) return <PageLoader />;
  if (payments.isError) {
    if (payments.error instanceof ApiRequestError && payments.error.code === 'strong_auth_required') return <StrongAuthNeeded />;
    return (
      <Alert color="red" role="alert">
        {errorText(t, payments.error)}
      </Alert>
    );
  }
  const { items } = payments.data;
  if (!items.length) {
    return (
      <Text py="lg" c="gray.7">
        {t('payments.empty')}
      </Text>
    );
  }
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={t('payments.tableLabel')}>
        <Table striped miw={560} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('payments.col.date')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('payments.col.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('payments.col.reference')}</Table.Th>
              <Table.Th scope="col">{t('payments.col.paid')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={p.paidOn}>{formatDate(p.paidOn, locale)}</time>
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(p.amountMinor, p.currency, locale)}
                </Table.Td>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{p.reference ?? '–'}</Table.Td>
                <Table.Td>
                  {p.invoices.map((i) => (
                    <div key={i.id}>
                      {t('payments.paidInvoice', { number: i.number, amount: formatMoney(i.amountMinor, p.currency, locale) })}
                    </div>
                  ))}
                  {p.unallocatedMinor > 0 && (
                    <div>{t('payments.credit', { amount: formatMoney(p.unallocatedMinor, p.currency, locale) })}</div>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <CursorPager label={t('payments.pagination')} page={payments.data} onCursor={setCursor} />
    </>
  );
}

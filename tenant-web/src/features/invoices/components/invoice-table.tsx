import { Alert, Anchor, Badge, Table, Text } from '@mantine/core';
import type { InvoiceSummary } from '@portico/shared/contracts/invoices';
import { ApiRequestError } from '@portico/shared/http';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatDate, formatMoney, formatPeriod } from '@/lib/format';
import { useInvoices } from '../api/get-invoices';
import { StrongAuthPanel } from './strong-auth-panel';

export const INVOICE_PAGE_SIZE = 25;

/** Dark shades only: white badge text must stay above 4.5:1 (green 9 falls just short); the console uses the same. */
export const STATUS_COLOR: Record<InvoiceSummary['status'], string> = {
  unpaid: 'blue.9',
  partly_paid: 'indigo.9',
  paid: 'teal.9',
  overdue: 'red.9',
  credited: 'gray.8',
};

/** Rent notices and invoices of the current customer (seed 001: unpaid ones by default). */
export function InvoiceTable({
  customerId,
  unpaidOnly,
  needsStrongAuth,
}: {
  customerId: string;
  unpaidOnly: boolean;
  /** Known before asking: the landlord demands e-ID and this session has not used it. */
  needsStrongAuth: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { t: tm } = useTranslation('money');
  const [cursor, setCursor] = useCursorParam();
  // Another customer's list starts at its first page.
  const shownCustomer = useRef(customerId);
  useEffect(() => {
    if (shownCustomer.current === customerId) return;
    shownCustomer.current = customerId;
    setCursor(undefined);
  }, [customerId, setCursor]);
  const invoices = useInvoices({ customerId, unpaidOnly, cursor, limit: INVOICE_PAGE_SIZE }, !needsStrongAuth);
  const locale = i18n.language;

  if (needsStrongAuth) return <StrongAuthPanel />;
  if (invoices.isPending) return <PageLoader />;
  if (invoices.isError) {
    if (invoices.error instanceof ApiRequestError && invoices.error.code === 'strong_auth_required') return <StrongAuthPanel />;
    return (
      <Alert color="red" role="alert">
        {errorText(t, invoices.error)}
      </Alert>
    );
  }

  const { items } = invoices.data;

  if (!items.length) {
    return (
      <Text py="lg" c="gray.7">
        {unpaidOnly ? t('invoices.emptyUnpaid') : t('invoices.empty')}
      </Text>
    );
  }

  return (
    <>
      {/* Scrolls sideways on a phone (what to pay and when come first); focusable so the keyboard can scroll it too. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard */}
      <section className="table-scroll" tabIndex={0} aria-label={t('invoices.tableLabel')}>
        <Table striped highlightOnHover miw={760} verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('invoices.col.period')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('invoices.col.amount')}
              </Table.Th>
              <Table.Th scope="col">{t('invoices.col.due')}</Table.Th>
              <Table.Th scope="col">{t('invoices.col.status')}</Table.Th>
              <Table.Th scope="col">{t('invoices.col.paid')}</Table.Th>
              <Table.Th scope="col">{t('invoices.col.number')}</Table.Th>
              <Table.Th scope="col">{t('invoices.col.lease')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((invoice) => (
              <Table.Tr key={invoice.id}>
                <Table.Th scope="row" fw={600}>
                  <Anchor
                    component={Link}
                    to={`/invoices/${invoice.id}`}
                    aria-label={tm('notices.open', { period: periodOf(invoice.period, locale) })}
                  >
                    {periodOf(invoice.period, locale)}
                  </Anchor>
                </Table.Th>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {formatMoney(invoice.totalMinor, invoice.currency, locale)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={invoice.dueDate}>{formatDate(invoice.dueDate, locale)}</time>
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLOR[invoice.status]} variant="filled" radius="sm">
                    {tm(`status.${invoice.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {invoice.paidAt ? (
                    <time dateTime={invoice.paidAt}>{formatDate(invoice.paidAt, locale)}</time>
                  ) : (
                    <>
                      <span aria-hidden="true">–</span>
                      <span className="visually-hidden">{t('invoices.notPaid')}</span>
                    </>
                  )}
                </Table.Td>
                <Table.Td>{invoice.number}</Table.Td>
                <Table.Td>{invoice.lease.address}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <CursorPager label={t('invoices.pagination')} page={invoices.data} onCursor={setCursor} />
    </>
  );
}

/** `2027-03` → "mars 2027"; anything else (an older free-text period) as it is. */
const periodOf = (period: string, locale: string) => (/^\d{4}-\d{2}$/.test(period) ? formatPeriod(`${period}-01`, locale) : period);

import { Anchor, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { INVOICE_KINDS, INVOICE_STATUSES } from '@portico/shared/contracts/billing-core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { exportUrl, useInvoices } from '../api/get-invoices';
import type { InvoiceListParams } from '../api/query-keys';
import { InvoiceStatusBadge } from './invoice-status-badge';

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined =>
  allowed.includes(value as T) ? (value as T) : undefined;
const uuidOrUndefined = (value: string | null) => (value && /^[0-9a-f-]{36}$/i.test(value) ? value : undefined);

/** The staff invoice list: filters live in the URL with the cursor; newest number first. */
export function InvoiceList() {
  const { t, i18n } = useTranslation('billing');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const status = pick(params.get('status'), INVOICE_STATUSES);
  const kind = pick(params.get('kind'), INVOICE_KINDS);
  const periodParam = params.get('period');
  const period = periodParam && /^\d{4}-(0[1-9]|1[0-2])$/.test(periodParam) ? periodParam : undefined;
  const filters = {
    status,
    kind,
    period,
    customerId: uuidOrUndefined(params.get('customerId')),
    leaseId: uuidOrUndefined(params.get('leaseId')),
    propertyId: uuidOrUndefined(params.get('propertyId')),
  };
  const update = (changes: Record<string, string | undefined>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        next.delete('cursor');
        for (const [key, value] of Object.entries(changes)) {
          if (value) next.set(key, value);
          else next.delete(key);
        }
        return next;
      },
      { replace: true },
    );
  const query: InvoiceListParams = { ...filters, cursor, limit: 25 };
  const invoices = useInvoices(query);

  return (
    <Stack>
      <search>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <NativeSelect
            label={t('list.status')}
            value={status ?? ''}
            onChange={(event) => update({ status: event.currentTarget.value || undefined })}
            data={[{ value: '', label: t('list.allStatuses') }, ...INVOICE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))]}
          />
          <NativeSelect
            label={t('list.kind')}
            value={kind ?? ''}
            onChange={(event) => update({ kind: event.currentTarget.value || undefined })}
            data={[{ value: '', label: t('list.allKinds') }, ...INVOICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))]}
          />
          <TextInput
            label={t('list.period')}
            type="month"
            value={period ?? ''}
            onChange={(event) => update({ period: event.currentTarget.value || undefined })}
          />
          <Button component="a" href={exportUrl(filters)} variant="default" download>
            {t('list.export')}
          </Button>
        </Group>
      </search>
      {invoices.isPending ? (
        <Loading />
      ) : invoices.isError ? (
        <ErrorAlert error={invoices.error} />
      ) : invoices.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('list.empty')}
        </Text>
      ) : (
        <>
          <Text size="sm" c="dimmed" role="status">
            {invoices.data.totalCapped
              ? t('list.countCapped', { total: new Intl.NumberFormat(i18n.language).format(invoices.data.total) })
              : t('list.count', { count: invoices.data.total })}
          </Text>
          <TableScroll label={t('list.title')} minWidth={860}>
            <Table striped highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.number')}</Table.Th>
                  <Table.Th>{t('list.customer')}</Table.Th>
                  <Table.Th>{t('list.lease')}</Table.Th>
                  <Table.Th>{t('list.kind')}</Table.Th>
                  <Table.Th>{t('list.dueDate')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('list.total')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('list.open')}</Table.Th>
                  <Table.Th>{t('list.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {invoices.data.items.map((invoice) => (
                  <Table.Tr key={invoice.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/billing/invoices/${invoice.id}`} fw={600}>
                        {invoice.number}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{invoice.customer.name}</Table.Td>
                    <Table.Td>{invoice.lease.number}</Table.Td>
                    <Table.Td>{t(`kind.${invoice.kind}`)}</Table.Td>
                    <Table.Td>{formatDate(invoice.dueDate)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatMoney(invoice.totalMinor, invoice.currency)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatMoney(invoice.openMinor, invoice.currency)}</Table.Td>
                    <Table.Td>
                      <InvoiceStatusBadge status={invoice.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={invoices.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

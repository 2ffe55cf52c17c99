import { Anchor, Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { PAYMENT_SOURCES, type PaymentSource } from '@portico/shared/contracts/billing-core';
import { PaymentListQuerySchema, type PaymentSummary } from '@portico/shared/contracts/payments';
import { withQuery } from '@portico/shared/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { blankAsNone } from '@/lib/form';
import { formatMoney } from '@/lib/format';
import { useAllocateCredit } from '../api/allocate-credit';
import { usePayments } from '../api/get-payments';
import { PaymentRow } from './payment-row';
import { type Target, TargetPicker } from './target-picker';

export const PAYMENTS_PAGE_SIZE = 25;
const FILTERS = ['from', 'to', 'source', 'matched', 'importId'] as const;

/** Every payment, newest first, with the filters in the URL (so a filtered list can be shared) and its CSV export. */
function UseCreditDialog({ payment, onClose }: { payment: PaymentSummary; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const allocate = useAllocateCredit();
  const [target, setTarget] = useState<Target>({ kind: 'invoice', invoiceId: '' });
  const invoiceId = target.kind === 'invoice' ? target.invoiceId : '';
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('credit.title', { amount: formatMoney(payment.unallocatedMinor, payment.currency) })}
      size="lg"
    >
      <Stack gap="sm">
        <Text size="sm">{t('credit.help', { customer: payment.customer?.name ?? '' })}</Text>
        <ErrorAlert error={allocate.error} />
        <TargetPicker value={target} onChange={setTarget} invoiceOnly />
        <Group>
          <Button
            disabled={!invoiceId}
            loading={allocate.isPending}
            onClick={() => allocate.mutate({ paymentId: payment.id, invoiceId }, { onSuccess: onClose })}
          >
            {t('credit.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('assign.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

export function PaymentList({ canWrite = false }: { canWrite?: boolean }) {
  const { t } = useTranslation('payments');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  // What the URL says, as far as the contract takes it (a hand-edited value is dropped, not sent).
  const parsed = PaymentListQuerySchema.pick({ from: true, to: true, source: true, matched: true, importId: true }).safeParse(
    Object.fromEntries(FILTERS.map((k) => [k, params.get(k) || undefined])),
  );
  const filters = parsed.success ? parsed.data : {};
  const payments = usePayments({ ...filters, cursor, limit: PAYMENTS_PAGE_SIZE });
  const [usingCredit, setUsingCredit] = useState<PaymentSummary | null>(null);
  const setFilter = (key: (typeof FILTERS)[number], value: string | undefined) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      if (value) next.set(key, value);
      else next.delete(key);
      next.delete('cursor');
      return next;
    });

  return (
    <Stack component="section" aria-labelledby="payments-list-title" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id="payments-list-title">
          {t('list.title')}
        </Title>
        <Anchor href={withQuery('/api/v1/payments/export.csv', filters)} download size="sm">
          {t('list.export')}
        </Anchor>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
        <TextInput
          type="date"
          label={t('list.from')}
          value={filters.from ?? ''}
          onChange={(e) => setFilter('from', e.currentTarget.value)}
        />
        <TextInput type="date" label={t('list.to')} value={filters.to ?? ''} onChange={(e) => setFilter('to', e.currentTarget.value)} />
        <NativeSelect
          label={t('list.source')}
          value={filters.source ?? ''}
          onChange={(e) => setFilter('source', blankAsNone(e.currentTarget.value) as PaymentSource | undefined)}
          data={[{ value: '', label: t('list.all') }, ...PAYMENT_SOURCES.map((s) => ({ value: s, label: t(`source.${s}`) }))]}
        />
        <NativeSelect
          label={t('list.matched')}
          value={filters.matched ?? ''}
          onChange={(e) => setFilter('matched', blankAsNone(e.currentTarget.value))}
          data={[
            { value: '', label: t('list.all') },
            { value: 'matched', label: t('list.matchedOnly') },
            { value: 'unmatched', label: t('list.unmatchedOnly') },
          ]}
        />
      </SimpleGrid>
      {payments.isPending ? (
        <Loading />
      ) : payments.isError ? (
        <ErrorAlert error={payments.error} />
      ) : payments.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {payments.data.totalCapped
              ? t('list.countCapped', { total: payments.data.total })
              : t('list.count', { count: payments.data.total })}
          </Text>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {payments.data.items.map((p) => (
              <PaymentRow key={p.id} payment={p}>
                {canWrite && p.state === 'credit' && p.unallocatedMinor > 0 && (
                  <Group mt="xs">
                    <Button size="xs" variant="light" onClick={() => setUsingCredit(p)}>
                      {t('credit.use')}
                    </Button>
                  </Group>
                )}
              </PaymentRow>
            ))}
          </Stack>
          <CursorPager page={payments.data} onCursor={setCursor} />
        </>
      )}
      {usingCredit && <UseCreditDialog payment={usingCredit} onClose={() => setUsingCredit(null)} />}
    </Stack>
  );
}

import { Button, Group, Modal, Stack, Text, TextInput, Title } from '@mantine/core';
import { PaymentAssignSchema, type PaymentSummary } from '@portico/shared/contracts/payments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { formatMoney } from '@/lib/format';
import { useAssignPayment } from '../api/assign-payment';
import { useUnmatched } from '../api/get-payments';
import { PaymentRow } from './payment-row';
import { type Target, TargetPicker } from './target-picker';

export const UNMATCHED_PAGE_SIZE = 25;

function AssignDialog({ payment, onClose }: { payment: PaymentSummary; onClose: () => void }) {
  const { t } = useTranslation('payments');
  const assign = useAssignPayment();
  const [target, setTarget] = useState<Target>({ kind: 'invoice', invoiceId: '' });
  const [note, setNote] = useState('');
  const body =
    target.kind === 'invoice' ? { invoiceId: target.invoiceId } : target.kind === 'customer' ? { customerId: target.customerId } : null;
  const valid = body !== null && PaymentAssignSchema.safeParse({ ...body, note: note || undefined }).success;
  return (
    <Modal opened onClose={onClose} title={t('assign.title', { amount: formatMoney(payment.amountMinor, payment.currency) })} size="lg">
      <Stack gap="sm">
        <Text size="sm">{payment.reference ? t('row.reference', { reference: payment.reference }) : t('assign.noReference')}</Text>
        <ErrorAlert error={assign.error} />
        <TargetPicker value={target} onChange={setTarget} />
        <TextInput label={t('assign.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <Group>
          <Button
            disabled={!valid}
            loading={assign.isPending}
            onClick={() => body && assign.mutate({ paymentId: payment.id, ...body, note: note || undefined }, { onSuccess: onClose })}
          >
            {t('assign.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('assign.cancel')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Payments nobody could match, oldest first: finance assigns each to a notice or a customer. */
export function UnmatchedQueue({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation('payments');
  const [cursor, setCursor] = useCursorParam();
  const queue = useUnmatched({ cursor, limit: UNMATCHED_PAGE_SIZE });
  const [assigning, setAssigning] = useState<PaymentSummary | null>(null);
  return (
    <Stack component="section" aria-labelledby="unmatched-title" gap="sm">
      <Title order={2} size="h4" id="unmatched-title">
        {t('unmatched.listTitle')}
      </Title>
      {queue.isPending ? (
        <Loading />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} />
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">{t('unmatched.none')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {queue.data.items.map((p) => (
              <PaymentRow key={p.id} payment={p}>
                {canWrite && p.amountMinor > 0 && (
                  <Group mt="xs">
                    <Button size="xs" variant="light" onClick={() => setAssigning(p)}>
                      {t('unmatched.assign')}
                    </Button>
                  </Group>
                )}
              </PaymentRow>
            ))}
          </Stack>
          <CursorPager page={queue.data} onCursor={setCursor} />
        </>
      )}
      {assigning && <AssignDialog payment={assigning} onClose={() => setAssigning(null)} />}
    </Stack>
  );
}

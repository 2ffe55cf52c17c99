import {
  Alert,
  Badge,
  Button,
  CopyButton,
  Group,
  Image,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { InvoiceDetail, PaymentInstructions } from '@portico/shared/contracts/billing-core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/lib/errors';
import { formatDate, formatMoney, formatPeriod } from '@/lib/format';
import { openInvoicePdf, useInvoiceQr } from '../api/get-invoice';
import { STATUS_COLOR } from './invoice-table';

/** "januari 2027" as a heading: "Januari 2027". */
const capitalised = (text: string, locale: string) => text.charAt(0).toLocaleUpperCase(locale) + text.slice(1);

/** Seed 001's notice page: reference, QR code, amount, due date, "Open notice" and (004) "Pay". */
export function NoticeView({ notice, customerId }: { notice: InvoiceDetail; customerId: string }) {
  const { t, i18n } = useTranslation('money');
  const locale = i18n.language;
  const [paying, setPaying] = useState(false);
  const [pdfError, setPdfError] = useState<unknown>(null);
  const money = (minor: number) => formatMoney(minor, notice.currency, locale);
  const qr = useInvoiceQr(customerId, notice.id, notice.payment !== null);
  const pay = notice.payment;

  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <Title order={1}>
          {notice.period ? capitalised(formatPeriod(notice.period.start, locale), locale) : t(`notice.kind.${notice.kind}`)}
        </Title>
        <Badge color={STATUS_COLOR[notice.status]} variant="filled" radius="sm">
          {t(`status.${notice.status}`)}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <Paper withBorder p="md" radius="md">
          <dl className="facts">
            <dt>{t('notice.number')}</dt>
            <dd>
              {t(`notice.kind.${notice.kind}`)} {notice.number}
            </dd>
            {pay && (
              <>
                <dt>{pay.method === 'bankgiro' || pay.method === 'plusgiro' ? t('notice.reference') : t('notice.referenceOther')}</dt>
                <dd data-testid="notice-reference">{pay.reference}</dd>
              </>
            )}
            <dt>{t('notice.amount')}</dt>
            <dd>
              <strong>{money(notice.openMinor)}</strong>
              {notice.openMinor !== notice.totalMinor && (
                <Text span size="sm" c="gray.7">
                  {' '}
                  ({t('notice.total')} {money(notice.totalMinor)})
                </Text>
              )}
            </dd>
            <dt>{t('notice.due')}</dt>
            <dd>
              <time dateTime={notice.dueDate}>{formatDate(notice.dueDate, locale)}</time>
            </dd>
            {notice.paidAt && (
              <>
                <dt>{t('status.paid')}</dt>
                <dd>
                  <time dateTime={notice.paidAt}>{formatDate(notice.paidAt, locale)}</time>
                </dd>
              </>
            )}
          </dl>
          {notice.directDebit && (
            <Alert color="blue" variant="light" mt="sm">
              {t('notice.directDebit', {
                kind: t(`notice.kinds.${notice.directDebit.kind}`),
                date: formatDate(notice.directDebit.collectionDate, locale),
              })}
            </Alert>
          )}
          <Group mt="md" gap="sm">
            <Button
              variant="default"
              onClick={() => {
                setPdfError(null);
                openInvoicePdf(notice.id).catch(setPdfError);
              }}
            >
              {t('notice.openPdf')}
            </Button>
            {pay && !notice.directDebit && <Button onClick={() => setPaying(true)}>{t('notice.pay')}</Button>}
          </Group>
          {pdfError !== null && (
            <Alert color="red" role="alert" mt="sm">
              {pdfError instanceof Error ? errorText(t, pdfError) : t('notice.pdfFailed')}
            </Alert>
          )}
        </Paper>
        {pay && (
          <Paper withBorder p="md" radius="md">
            <Stack align="center" gap="xs">
              {qr.data && <Image src={qr.data} alt={t('notice.qrAlt', { number: notice.number })} w={220} h={220} fit="contain" />}
              <Text size="sm" c="gray.7" ta="center">
                {t('notice.qrHelp')}
              </Text>
            </Stack>
          </Paper>
        )}
      </SimpleGrid>
      {notice.lines.length > 0 && (
        <section aria-labelledby="notice-lines">
          <Title order={2} size="h3" id="notice-lines" mb="xs">
            {t('notice.lines')}
          </Title>
          <Table>
            <Table.Tbody>
              {notice.lines.map((line, i) => (
                // Lines have no id of their own; their order is fixed.
                // biome-ignore lint/suspicious/noArrayIndexKey: the notice's lines never reorder
                <Table.Tr key={i}>
                  <Table.Td>{line.description || t(`notice.lineKinds.${line.kind}`)}</Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(line.amountMinor + line.vatMinor)}
                    {line.vatMinor !== 0 && (
                      <Text span size="xs" c="gray.7" display="block">
                        {t('notice.vat', { amount: money(line.vatMinor) })}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </section>
      )}
      {notice.payments.length > 0 && (
        <section aria-labelledby="notice-payments">
          <Title order={2} size="h3" id="notice-payments" mb="xs">
            {t('notice.payments')}
          </Title>
          <ul>
            {notice.payments.map((p) => (
              <li key={p.paymentId}>{t('notice.paymentRow', { date: formatDate(p.paidOn, locale), amount: money(p.amountMinor) })}</li>
            ))}
          </ul>
        </section>
      )}
      {pay && (
        <PayDialog
          opened={paying}
          onClose={() => setPaying(false)}
          number={notice.number}
          amount={money(notice.openMinor)}
          due={formatDate(notice.dueDate, locale)}
          payment={pay}
        />
      )}
    </Stack>
  );
}

/** Seed 004 "Betal": the payment details to copy into the bank (OCR + bankgiro, or the FI string). */
function PayDialog(props: {
  opened: boolean;
  onClose: () => void;
  number: string;
  amount: string;
  due: string;
  payment: PaymentInstructions;
}) {
  const { t } = useTranslation('money');
  const p = props.payment;
  const fields: { label: string; value: string }[] =
    p.method === 'fik'
      ? [{ label: t('pay.fik'), value: p.line }]
      : p.method === 'iban'
        ? [
            { label: t('pay.iban'), value: p.iban },
            ...(p.bic ? [{ label: t('pay.bic'), value: p.bic }] : []),
            { label: t('pay.reference'), value: p.reference },
          ]
        : [
            { label: t(`pay.${p.method}`), value: p.account },
            { label: t('pay.ocr'), value: p.reference },
          ];
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={t('pay.title', { number: props.number })}
      closeButtonProps={{ 'aria-label': t('pay.close') }}
      centered
    >
      <Stack gap="sm">
        <Text>{t('pay.intro', { amount: props.amount, due: props.due })}</Text>
        {fields.map((f) => (
          // A long value (the FI line, an IBAN) takes the whole row, so a phone shows all of it; the button goes below.
          <Group key={f.label} align="flex-end" gap="xs" wrap={f.value.length > 18 ? 'wrap' : 'nowrap'}>
            <TextInput
              label={f.label}
              value={f.value}
              readOnly
              style={{ flex: 1, minWidth: f.value.length > 18 ? '100%' : undefined }}
              styles={{ input: { fontFamily: 'monospace' } }}
            />
            <CopyButton value={f.value}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'filled' : 'light'}
                  color={copied ? 'teal.9' : undefined}
                  onClick={copy}
                  aria-label={`${copied ? t('pay.copied') : t('pay.copy')}: ${f.label}`}
                >
                  {copied ? t('pay.copied') : t('pay.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ))}
        <TextInput label={t('pay.amount')} value={props.amount} readOnly />
        <Group justify="flex-end">
          <Button variant="default" onClick={props.onClose}>
            {t('pay.close')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

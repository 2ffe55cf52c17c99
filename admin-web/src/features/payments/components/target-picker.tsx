import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { formatMoney } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { useCustomerSearch, usePayableInvoices } from '../api/find-targets';

/** Where a payment goes: a notice (found by reference or number), a customer (credit), or — when allowed — nowhere yet. */
export type Target = { kind: 'invoice'; invoiceId: string } | { kind: 'customer'; customerId: string } | { kind: 'none' };

export function TargetPicker({
  value,
  onChange,
  allowNone,
  invoiceOnly,
}: {
  value: Target;
  onChange: (target: Target) => void;
  allowNone?: boolean;
  /** Only a notice (using a customer's credit): no choice of kind is shown. */
  invoiceOnly?: boolean;
}) {
  const { t } = useTranslation('payments');
  const [kind, setKind] = useState<Target['kind']>(value.kind);
  const [q, setQ] = useState('');
  const [debounced] = useDebouncedValue(q.trim(), 300);
  const invoices = usePayableInvoices(kind === 'invoice' ? debounced : '');
  const customers = useCustomerSearch(kind === 'customer' ? debounced : '');
  const kinds = [
    { value: 'invoice', label: t('target.invoice') },
    { value: 'customer', label: t('target.customer') },
    ...(allowNone ? [{ value: 'none', label: t('target.none') }] : []),
  ];
  const chosen = value.kind === 'invoice' ? value.invoiceId : value.kind === 'customer' ? value.customerId : '';

  return (
    <Stack gap="xs">
      {!invoiceOnly && (
        <Radio.Group
          label={t('target.label')}
          value={kind}
          onChange={(next) => {
            const k = next as Target['kind'];
            setKind(k);
            setQ('');
            onChange(
              k === 'none' ? { kind: 'none' } : k === 'invoice' ? { kind: 'invoice', invoiceId: '' } : { kind: 'customer', customerId: '' },
            );
          }}
        >
          <Group gap="md" mt={4}>
            {kinds.map((k) => (
              <Radio key={k.value} value={k.value} label={k.label} />
            ))}
          </Group>
        </Radio.Group>
      )}
      {kind === 'none' && <Text size="sm">{t('target.noneHelp')}</Text>}
      {kind !== 'none' && (
        <TextInput
          label={kind === 'invoice' ? t('target.findInvoice') : t('target.findCustomer')}
          description={kind === 'invoice' ? t('target.findInvoiceHelp') : undefined}
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          autoComplete="off"
        />
      )}
      {kind === 'invoice' && debounced && (
        <>
          <ErrorAlert error={invoices.error} />
          {invoices.data?.items.length === 0 && <Text size="sm">{t('target.noInvoice')}</Text>}
          <Radio.Group value={chosen} onChange={(invoiceId) => onChange({ kind: 'invoice', invoiceId })} aria-label={t('target.invoices')}>
            <Stack gap={4}>
              {invoices.data?.items.map((i) => (
                <Radio
                  key={i.id}
                  value={i.id}
                  label={t('target.invoiceOption', {
                    number: i.number,
                    customer: i.customer.name,
                    due: formatDate(i.dueDate),
                    open: formatMoney(i.openMinor, i.currency),
                  })}
                />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
      {kind === 'customer' && debounced.length > 1 && (
        <>
          <ErrorAlert error={customers.error} />
          {customers.data?.items.length === 0 && <Text size="sm">{t('target.noCustomer')}</Text>}
          <Radio.Group
            value={chosen}
            onChange={(customerId) => onChange({ kind: 'customer', customerId })}
            aria-label={t('target.customers')}
          >
            <Stack gap={4}>
              {customers.data?.items.map((c) => (
                <Radio key={c.id} value={c.id} label={c.name} />
              ))}
            </Stack>
          </Radio.Group>
        </>
      )}
    </Stack>
  );
}

import { Button, Checkbox, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { TableScroll } from '@/components/table-scroll';
import { useMe } from '@/features/auth/api/get-me';
import { formatMoney } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { useCollections, useConfirmCollections } from '../api/collections';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Billing → Collections: the notices a direct-debit run collects by a date, and finance's confirmation. */
export function Collections() {
  const { t } = useTranslation('mandates');
  const me = useMe();
  const canManage = me.data?.role === 'admin' || me.data?.role === 'finance';
  const [params, setParams] = useSearchParams();
  const dueDate = ISO_DAY.test(params.get('dueDate') ?? '') ? params.get('dueDate') : null;
  const [draft, setDraft] = useState(dueDate ?? '');
  const list = useCollections(dueDate);
  const confirm = useConfirmCollections();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  useEffect(() => {
    setSelected(new Set(list.data?.items.map((i) => i.invoiceId) ?? []));
  }, [list.data]);

  return (
    <Stack gap="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (ISO_DAY.test(draft)) setParams({ dueDate: draft });
        }}
      >
        <Group align="end" gap="sm">
          <TextInput type="date" label={t('collections.date')} value={draft} onChange={(e) => setDraft(e.currentTarget.value)} required />
          <Button type="submit" variant="default">
            {t('collections.show')}
          </Button>
        </Group>
      </form>
      {dueDate === null ? (
        <Text c="dimmed">{t('collections.pickDate')}</Text>
      ) : list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.data.items.length === 0 ? (
        <Text c="dimmed">{t('collections.none', { date: formatDate(dueDate) })}</Text>
      ) : (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('collections.title', { date: formatDate(dueDate) })}
          </Title>
          {list.data.totals.map((total) => (
            <Text key={total.currency} fw={600} data-testid="collection-total">
              {t('collections.total', { count: total.count, amount: formatMoney(total.amountMinor, total.currency) })}
            </Text>
          ))}
          <TableScroll label={t('collections.tableLabel')} minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>
                    <span className="visually-hidden">{t('collections.select')}</span>
                  </Table.Th>
                  <Table.Th>{t('collections.number')}</Table.Th>
                  <Table.Th>{t('collections.customer')}</Table.Th>
                  <Table.Th>{t('collections.lease')}</Table.Th>
                  <Table.Th>{t('collections.dueDate')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('collections.amount')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.data.items.map((item) => (
                  <Table.Tr key={item.invoiceId}>
                    <Table.Td>
                      <Checkbox
                        aria-label={t('collections.selectOne', { number: item.number })}
                        checked={selected.has(item.invoiceId)}
                        disabled={!canManage}
                        onChange={(e) => {
                          const next = new Set(selected);
                          if (e.currentTarget.checked) next.add(item.invoiceId);
                          else next.delete(item.invoiceId);
                          setSelected(next);
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{item.number}</Table.Td>
                    <Table.Td>{item.customer.name}</Table.Td>
                    <Table.Td>{item.lease.number}</Table.Td>
                    <Table.Td>{formatDate(item.dueDate)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }}>{formatMoney(item.openMinor, item.currency)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          {list.data.truncated && <Text size="sm">{t('collections.truncated')}</Text>}
          {canManage && (
            <Group>
              <Button
                disabled={selected.size === 0}
                loading={confirm.isPending}
                onClick={() => confirm.mutate({ dueDate, invoiceIds: [...selected] })}
              >
                {t('collections.confirm', { count: selected.size })}
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {confirm.isSuccess && (
        <Paper withBorder p="sm" role="status">
          {t('collections.booked', { count: confirm.data.booked.length, skipped: confirm.data.skipped.length })}
        </Paper>
      )}
      {confirm.isError && <ErrorAlert error={confirm.error} />}
    </Stack>
  );
}

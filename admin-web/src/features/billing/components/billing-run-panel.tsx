import { Alert, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { BillingRun, BillingRunPreview } from '@portico/shared/contracts/billing';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney, formatPeriod } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { usePreviewRun, useStartRun } from '../api/runs';

const nextMonth = () => {
  const d = new Date();
  d.setDate(1);
  d.setMonth(d.getMonth() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

function PreviewResult({ preview }: { preview: BillingRunPreview }) {
  const { t } = useTranslation('billing');
  return (
    <Stack gap="sm">
      <Text role="status" fw={600}>
        {t('runs.previewSummary', { count: preview.createCount, period: formatPeriod(preview.period) })}
      </Text>
      {preview.totals.map((total) => (
        <Text key={total.currency}>{t('runs.total', { amount: formatMoney(total.totalMinor, total.currency) })}</Text>
      ))}
      <Text size="sm">{t('runs.dueDate', { date: formatDate(preview.dueDate) })}</Text>
      <Text size="sm" c="dimmed">
        {t('runs.skipped', {
          billed: preview.skipped.alreadyBilled,
          noLines: preview.skipped.noRentLines,
          inactive: preview.skipped.notActive,
          quarter: preview.skipped.notThisPeriod,
        })}
      </Text>
      {preview.rows.length > 0 && (
        <TableScroll label={t('runs.previewTable')} minWidth={520}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('list.lease')}</Table.Th>
                <Table.Th>{t('list.customer')}</Table.Th>
                <Table.Th style={{ textAlign: 'right' }}>{t('list.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row) => (
                <Table.Tr key={row.lease.id}>
                  <Table.Td>{row.lease.number}</Table.Td>
                  <Table.Td>{row.customer.name}</Table.Td>
                  <Table.Td style={{ textAlign: 'right' }}>{formatMoney(row.totalMinor, row.currency)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      )}
    </Stack>
  );
}

/** Pick a month, see what a run would make, then run it (finance and admins). */
export function BillingRunPanel() {
  const { t } = useTranslation('billing');
  const [period, setPeriod] = useState(nextMonth());
  const preview = usePreviewRun();
  const run = useStartRun();
  const [done, setDone] = useState<BillingRun | null>(null);
  const valid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);
  return (
    <Stack>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setDone(null);
          run.reset();
          if (valid) preview.mutate(period);
        }}
      >
        <Group align="flex-end">
          <TextInput
            label={t('runs.period')}
            type="month"
            value={period}
            onChange={(event) => {
              setPeriod(event.currentTarget.value);
              preview.reset();
            }}
            required
          />
          <Button type="submit" variant="default" loading={preview.isPending} disabled={!valid}>
            {t('runs.preview')}
          </Button>
        </Group>
      </form>
      <ErrorAlert error={preview.error} />
      {preview.data && preview.data.period === period && (
        <>
          <PreviewResult preview={preview.data} />
          {!done && (
            <Group>
              <Button
                onClick={() => run.mutate(period, { onSuccess: setDone })}
                loading={run.isPending}
                disabled={preview.data.createCount === 0}
              >
                {t('runs.run', { count: preview.data.createCount })}
              </Button>
            </Group>
          )}
        </>
      )}
      <ErrorAlert error={run.error} />
      {done && (
        <Alert color="teal" variant="light" role="status" title={t('runs.doneTitle')}>
          {t('runs.done', { count: done.createdCount, skipped: done.skippedCount })}{' '}
          <Link to={`/billing?period=${done.period}`}>{t('runs.showNotices')}</Link>
        </Alert>
      )}
    </Stack>
  );
}

export function BillingRunList({ runs }: { runs: BillingRun[] }) {
  const { t } = useTranslation('billing');
  if (runs.length === 0) return <Text c="dimmed">{t('runs.none')}</Text>;
  return (
    <TableScroll label={t('runs.history')} minWidth={620}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('runs.period')}</Table.Th>
            <Table.Th>{t('runs.when')}</Table.Th>
            <Table.Th>{t('runs.source')}</Table.Th>
            <Table.Th>{t('runs.created')}</Table.Th>
            <Table.Th>{t('runs.numbers')}</Table.Th>
            <Table.Th style={{ textAlign: 'right' }}>{t('list.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {runs.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>
                <Link to={`/billing?period=${r.period}`}>{formatPeriod(r.period)}</Link>
              </Table.Td>
              <Table.Td>{formatDate(r.createdAt)}</Table.Td>
              <Table.Td>{t(`runs.sources.${r.source}`)}</Table.Td>
              <Table.Td>
                {r.createdCount} / {r.skippedCount}
              </Table.Td>
              <Table.Td>{r.firstNumber ? `${r.firstNumber}–${r.lastNumber}` : '—'}</Table.Td>
              <Table.Td style={{ textAlign: 'right' }}>
                {r.totals.map((x) => formatMoney(x.totalMinor, x.currency)).join(', ') || '—'}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </TableScroll>
  );
}

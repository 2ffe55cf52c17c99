import { Anchor, Badge, Button, Group, Paper, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { MANDATE_KINDS, MANDATE_STATUSES, type MandateKind, type MandateStatus } from '@portico/shared/contracts/billing-core';
import type { Mandate } from '@portico/shared/contracts/mandates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { useMe } from '@/features/auth/api/get-me';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { type MandateAction, useChangeMandate } from '../api/change-mandate';
import { useExportMandates } from '../api/export-mandates';
import { useMandates } from '../api/get-mandates';

export const MANDATES_PAGE_SIZE = 25;

const STATUS_COLOUR: Record<MandateStatus, string> = { pending: 'yellow.9', active: 'green.9', cancelled: 'gray.8', rejected: 'red.9' };

function MandateRow({ mandate, canManage }: { mandate: Mandate; canManage: boolean }) {
  const { t } = useTranslation('mandates');
  const change = useChangeMandate();
  const actions: MandateAction[] =
    mandate.status === 'pending' ? ['activate', 'reject', 'cancel'] : mandate.status === 'active' ? ['cancel'] : [];
  return (
    <Paper component="li" withBorder p="sm" radius="sm" data-testid="mandate-row">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
          {mandate.customer.name} · {t('list.lease', { number: mandate.lease.number })}
        </Text>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" size="sm">
            {t(`kinds.${mandate.kind}`)}
          </Badge>
          <Badge variant="light" color={STATUS_COLOUR[mandate.status]} size="sm">
            {t(`statuses.${mandate.status}`)}
          </Badge>
        </Group>
      </Group>
      <Text size="sm">
        {t('list.bank', { code: mandate.bankCode, account: mandate.bankAccount })} ·{' '}
        {t('list.holder', { name: mandate.holderName, id: mandate.holderId })}
      </Text>
      <Text size="sm" c="dimmed">
        {t('list.payerNumber', { number: mandate.payerNumber })} · {t('list.created', { at: formatDateTime(mandate.createdAt) })}
        {mandate.exportedAt ? ` · ${t('list.exported', { at: formatDate(mandate.exportedAt) })}` : ''}
      </Text>
      {canManage && mandate.exportId && (
        <Anchor href={`/api/v1/mandates/exports/${encodeURIComponent(mandate.exportId)}/file`} download size="sm">
          {t('list.downloadExport')}
        </Anchor>
      )}
      {canManage && actions.length > 0 && (
        <Group gap="xs" mt="xs">
          {actions.map((action) => (
            <Button
              key={action}
              size="xs"
              variant={action === 'activate' ? 'filled' : 'default'}
              loading={change.isPending && change.variables?.action === action}
              onClick={() => change.mutate({ mandateId: mandate.id, action })}
            >
              {t(`actions.${action}`)}
            </Button>
          ))}
        </Group>
      )}
      {change.isError && <ErrorAlert error={change.error} />}
    </Paper>
  );
}

function ExportPanel() {
  const { t } = useTranslation('mandates');
  const [kind, setKind] = useState<MandateKind>('betalingsservice');
  const [customerNumber, setCustomerNumber] = useState('');
  const exporter = useExportMandates();
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="mandate-export-title">
      <Title order={2} size="h4" id="mandate-export-title" mb="xs">
        {t('export.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('export.help')}
      </Text>
      <Group align="end" gap="sm" wrap="wrap">
        <Select
          label={t('export.kind')}
          data={MANDATE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind}
          onChange={(v) => v && setKind(v as MandateKind)}
          allowDeselect={false}
        />
        {kind === 'autogiro' && (
          <TextInput
            label={t('export.customerNumber')}
            value={customerNumber}
            onChange={(e) => setCustomerNumber(e.currentTarget.value)}
            inputMode="numeric"
            maxLength={6}
          />
        )}
        <Button
          loading={exporter.isPending}
          onClick={() => exporter.mutate(kind === 'autogiro' ? { kind, customerNumber: customerNumber.trim() } : { kind })}
        >
          {t('export.button')}
        </Button>
      </Group>
      {exporter.isSuccess && (
        <Text size="sm" mt="sm" role="status">
          {t('export.done', { fileName: exporter.data })}
        </Text>
      )}
      {exporter.isError && <ErrorAlert error={exporter.error} />}
    </Paper>
  );
}

/** Billing → Mandates: the landlord's payment agreements, filters, the export and the status actions. */
export function MandateList() {
  const { t } = useTranslation('mandates');
  const me = useMe();
  const canManage = me.data?.role === 'admin' || me.data?.role === 'finance';
  const [params, setParams] = useSearchParams();
  const status = (MANDATE_STATUSES as readonly string[]).includes(params.get('status') ?? '')
    ? (params.get('status') as MandateStatus)
    : undefined;
  const kind = (MANDATE_KINDS as readonly string[]).includes(params.get('kind') ?? '') ? (params.get('kind') as MandateKind) : undefined;
  const [cursor, setCursor] = useCursorParam();
  const mandates = useMandates({ status, kind, cursor, limit: MANDATES_PAGE_SIZE });
  const setFilter = (name: 'status' | 'kind', value: string | null) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('cursor');
      return next;
    });
  return (
    <Stack gap="lg">
      {canManage && <ExportPanel />}
      <Group gap="sm" wrap="wrap">
        <Select
          label={t('filters.status')}
          placeholder={t('filters.all')}
          clearable
          data={MANDATE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
          value={status ?? null}
          onChange={(v) => setFilter('status', v)}
        />
        <Select
          label={t('filters.kind')}
          placeholder={t('filters.all')}
          clearable
          data={MANDATE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
          value={kind ?? null}
          onChange={(v) => setFilter('kind', v)}
        />
      </Group>
      {mandates.isPending ? (
        <Loading />
      ) : mandates.isError ? (
        <ErrorAlert error={mandates.error} />
      ) : mandates.data.items.length === 0 ? (
        <Text c="dimmed">{t('list.none')}</Text>
      ) : (
        <>
          <Text size="sm" c="dimmed">
            {t('list.count', { count: mandates.data.total, capped: mandates.data.totalCapped ? '+' : '' })}
          </Text>
          <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
            {mandates.data.items.map((m) => (
              <MandateRow key={m.id} mandate={m} canManage={canManage} />
            ))}
          </Stack>
          <CursorPager page={mandates.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

import { Anchor, Button, Group, Modal, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import type { LeaseDetail } from '@portico/shared/contracts/leases';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/components/page-heading';
import { TableScroll } from '@/components/table-scroll';
import { formatMoney } from '@/lib/format';
import { formatDate } from '@/lib/i18n';
import { useLease } from '../api/get-lease';
import { type LeaseAction, useLeaseAction } from '../api/lease-actions';
import { LeaseStatusBadge } from './lease-status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

/** Terminate, end, archive or restore, each after a confirmation; terminate asks for the notice date. */
function StatusActions({ lease }: { lease: LeaseDetail }) {
  const { t } = useTranslation();
  const action = useLeaseAction(lease.id);
  const [open, setOpen] = useState<LeaseAction | null>(null);
  const [noticeDate, setNoticeDate] = useState(today());
  const [endDate, setEndDate] = useState('');
  const available: LeaseAction[] = lease.archived
    ? ['restore']
    : lease.status === 'active'
      ? ['terminate', 'end']
      : lease.status === 'terminated'
        ? ['end', 'archive']
        : ['archive'];
  const close = () => {
    setOpen(null);
    action.reset();
  };
  return (
    <>
      <Group gap="sm">
        {available.map((a) => (
          <Button
            key={a}
            variant={a === 'terminate' ? 'filled' : 'default'}
            color={a === 'terminate' ? 'red.9' : undefined}
            onClick={() => setOpen(a)}
          >
            {t(`leases.actions.${a}`)}
          </Button>
        ))}
      </Group>
      <Modal
        opened={open !== null}
        onClose={close}
        title={open ? t(`leases.actions.${open}Title`, { number: lease.number }) : ''}
        closeButtonProps={{ 'aria-label': t('leases.actions.cancel') }}
        centered
      >
        {open && (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              action.mutate(
                { action: open, ...(open === 'terminate' ? { body: { noticeDate, ...(endDate ? { endDate } : {}) } } : {}) },
                { onSuccess: () => setOpen(null) },
              );
            }}
          >
            <Stack>
              <ErrorAlert error={action.error} />
              <Text>{t(`leases.actions.${open}Confirm`, { months: lease.noticePeriodMonths })}</Text>
              {open === 'terminate' && (
                <>
                  <TextInput
                    type="date"
                    label={t('leases.noticeDate')}
                    required
                    value={noticeDate}
                    onChange={(e) => setNoticeDate(e.currentTarget.value)}
                  />
                  <TextInput
                    type="date"
                    label={t('leases.endDate')}
                    description={t('leases.endDateHint')}
                    value={endDate}
                    onChange={(e) => setEndDate(e.currentTarget.value)}
                  />
                </>
              )}
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('leases.actions.cancel')}
                </Button>
                <Button type="submit" loading={action.isPending} color={open === 'terminate' ? 'red.9' : undefined}>
                  {t(`leases.actions.${open}`)}
                </Button>
              </Group>
            </Stack>
          </form>
        )}
      </Modal>
    </>
  );
}

export function LeaseDetails({ leaseId, canManage, history }: { leaseId: string; canManage: boolean; history: ReactNode }) {
  const { t } = useTranslation();
  const query = useLease(leaseId);
  usePageTitle(query.data ? t('leases.detailTitle', { number: query.data.number }) : t('leases.title'));
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const lease = query.data;
  const money = (minor: number) => formatMoney(minor, lease.currency);
  const area = (m2: number | null) =>
    m2 === null ? '—' : `${new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 }).format(m2)} m²`;
  return (
    <Stack>
      <Anchor component={Link} to="/leases" size="sm">
        {t('leases.back')}
      </Anchor>
      <Group justify="space-between" align="center" wrap="wrap">
        <Group gap="sm">
          <Title order={1} size="h2">
            {t('leases.detailTitle', { number: lease.number })}
          </Title>
          <LeaseStatusBadge status={lease.status} archived={lease.archived} />
        </Group>
        {canManage && (
          <Button component={Link} to={`/leases/${lease.id}/edit`} variant="default">
            {t('leases.edit')}
          </Button>
        )}
      </Group>
      {canManage && <StatusActions lease={lease} />}

      <Paper withBorder p="md" radius="sm">
        <SimpleGrid component="dl" cols={{ base: 1, xs: 2, md: 3 }} spacing="sm" m={0}>
          <Fact label={t('leases.customer')}>
            <Anchor component={Link} to={`/customers/${lease.customer.id}`}>
              {lease.customer.name}
            </Anchor>
          </Fact>
          <Fact label={t('leases.typeLabel')}>{t(`leases.type.${lease.type}`)}</Fact>
          <Fact label={t('leases.area')}>
            {area(lease.areaM2)}
            {lease.areaM2Agreed === null && lease.areaM2 !== null ? ` (${t('leases.areaSum')})` : ''}
          </Fact>
          <Fact label={t('leases.validFrom')}>{formatDate(lease.validFrom)}</Fact>
          <Fact label={t('leases.validTo')}>{lease.validTo ? formatDate(lease.validTo) : t('leases.untilFurtherNotice')}</Fact>
          <Fact label={t('leases.noticePeriod')}>{t('leases.months', { count: lease.noticePeriodMonths })}</Fact>
          <Fact label={t('leases.billingCadence')}>{t(`leases.cadence.${lease.billingCadence}`)}</Fact>
          {lease.noticeDate && <Fact label={t('leases.noticeDate')}>{formatDate(lease.noticeDate)}</Fact>}
          {lease.externalId && <Fact label={t('leases.externalId')}>{lease.externalId}</Fact>}
          <Fact label={t('leases.signedPdf')}>
            {lease.signedPdf ? (
              <Anchor href={`/api/v1/attachments/${encodeURIComponent(lease.signedPdf.id)}`} target="_blank" rel="noopener">
                {lease.signedPdf.filename}
              </Anchor>
            ) : (
              t('leases.noPdf')
            )}
          </Fact>
        </SimpleGrid>
      </Paper>

      <section aria-labelledby="lease-units">
        <Title order={2} size="h4" id="lease-units" mb="xs">
          {t('leases.units')}
        </Title>
        <TableScroll label={t('leases.units')} minWidth={520}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('leases.unitNumber')}</Table.Th>
                <Table.Th>{t('leases.address')}</Table.Th>
                <Table.Th>{t('leases.property')}</Table.Th>
                <Table.Th>{t('leases.area')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lease.units.map((u, i) => (
                <Table.Tr key={u.id}>
                  <Table.Td>
                    {u.number}
                    {i === 0 && lease.units.length > 1 ? ` (${t('leases.mainUnit')})` : ''}
                  </Table.Td>
                  <Table.Td>{u.address}</Table.Td>
                  <Table.Td>{u.property.name}</Table.Td>
                  <Table.Td>{area(u.areaM2)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      </section>

      <section aria-labelledby="lease-rent">
        <Title order={2} size="h4" id="lease-rent" mb="xs">
          {t('leases.rentLines')}
        </Title>
        {lease.rentLines.length === 0 ? (
          <Text c="dimmed">{t('leases.noRentLines')}</Text>
        ) : (
          <TableScroll label={t('leases.rentLines')} minWidth={520}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('leases.rentKind')}</Table.Th>
                  <Table.Th>{t('leases.description')}</Table.Th>
                  <Table.Th ta="right">{t('leases.amountPerMonth')}</Table.Th>
                  <Table.Th ta="right">{t('leases.vat')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lease.rentLines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Td>{t(`leases.kind.${line.kind}`)}</Table.Td>
                    <Table.Td>{line.description}</Table.Td>
                    <Table.Td ta="right">{money(line.amountMinor)}</Table.Td>
                    <Table.Td ta="right">{line.vatRate} %</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('leases.totalExclVat')}</Table.Th>
                  <Table.Td ta="right">{money(lease.totals.netMinor)}</Table.Td>
                  <Table.Td />
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('leases.vatAmount')}</Table.Th>
                  <Table.Td ta="right">{money(lease.totals.vatMinor)}</Table.Td>
                  <Table.Td />
                </Table.Tr>
                <Table.Tr>
                  <Table.Th colSpan={2}>{t('leases.totalInclVat')}</Table.Th>
                  <Table.Td ta="right" fw={700} data-testid="lease-total">
                    {money(lease.totals.grossMinor)}
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </TableScroll>
        )}
      </section>
      {history}
    </Stack>
  );
}

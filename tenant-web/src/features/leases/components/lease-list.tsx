import { Alert, Anchor, Paper, Stack, Table, Text } from '@mantine/core';
import type { PortalLeaseSummary } from '@portico/shared/contracts/leases';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { useLeases } from '../api/get-leases';
import { LeaseStatusText } from './lease-status';

export const LEASE_PAGE_SIZE = 25;

export function useAreaText() {
  const { t, i18n } = useTranslation('leases');
  return (area: number | null) =>
    area === null ? '–' : t('area', { area: new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 2 }).format(area) });
}

function ValidTo({ lease }: { lease: PortalLeaseSummary }) {
  const { t, i18n } = useTranslation('leases');
  return lease.validTo ? <time dateTime={lease.validTo}>{formatDate(lease.validTo, i18n.language)}</time> : t('untilFurtherNotice');
}

/**
 * Seed 002's table (lease number, type, tenant, address, area, valid from/to, status). From Mantine's
 * `sm` width up a table; on a phone the same rows as cards (CSS picks one: `.wide-only`/`.narrow-only`),
 * so nothing scrolls sideways. Each lease number leads to its page.
 */
export function LeaseList({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation('leases');
  const [cursor, setCursor] = useCursorParam();
  const areaText = useAreaText();
  // Another customer's list starts at its first page.
  const shownCustomer = useRef(customerId);
  useEffect(() => {
    if (shownCustomer.current === customerId) return;
    shownCustomer.current = customerId;
    setCursor(undefined);
  }, [customerId, setCursor]);
  const leases = useLeases({ customerId, cursor, limit: LEASE_PAGE_SIZE });
  const locale = i18n.language;

  if (leases.isPending) return <PageLoader />;
  if (leases.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, leases.error)}
      </Alert>
    );
  const { items } = leases.data;
  if (!items.length)
    return (
      <Text py="lg" c="gray.7">
        {t('empty')}
      </Text>
    );

  const link = (lease: PortalLeaseSummary) => (
    <Anchor component={Link} to={`/leases/${lease.id}`} fw={600}>
      {lease.number}
    </Anchor>
  );

  return (
    <>
      <section className="wide-only" aria-label={t('tableLabel')}>
        <Table striped highlightOnHover verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('col.number')}</Table.Th>
              <Table.Th scope="col">{t('col.type')}</Table.Th>
              <Table.Th scope="col">{t('col.tenant')}</Table.Th>
              <Table.Th scope="col">{t('col.address')}</Table.Th>
              <Table.Th scope="col" ta="right">
                {t('col.area')}
              </Table.Th>
              <Table.Th scope="col">{t('col.validFrom')}</Table.Th>
              <Table.Th scope="col">{t('col.validTo')}</Table.Th>
              <Table.Th scope="col">{t('col.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((lease) => (
              <Table.Tr key={lease.id}>
                <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                  {link(lease)}
                </Table.Th>
                <Table.Td>{t(`type.${lease.type}`)}</Table.Td>
                <Table.Td className="break-anywhere">{lease.tenant}</Table.Td>
                <Table.Td className="break-anywhere">{lease.address}</Table.Td>
                <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                  {areaText(lease.areaM2)}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={lease.validFrom}>{formatDate(lease.validFrom, locale)}</time>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <ValidTo lease={lease} />
                </Table.Td>
                <Table.Td>
                  <LeaseStatusText status={lease.status} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
      <Stack component="ul" gap="sm" className="narrow-only plain-list" aria-label={t('tableLabel')}>
        {items.map((lease) => (
          <Paper component="li" key={lease.id} withBorder p="sm">
            <Text component="h2" size="md" m={0}>
              {link(lease)}
            </Text>
            <dl className="facts lease-card-facts">
              <dt>{t('col.type')}</dt>
              <dd>{t(`type.${lease.type}`)}</dd>
              <dt>{t('col.tenant')}</dt>
              <dd>{lease.tenant}</dd>
              <dt>{t('col.address')}</dt>
              <dd>{lease.address}</dd>
              <dt>{t('col.area')}</dt>
              <dd>{areaText(lease.areaM2)}</dd>
              <dt>{t('col.validFrom')}</dt>
              <dd>
                <time dateTime={lease.validFrom}>{formatDate(lease.validFrom, locale)}</time>
              </dd>
              <dt>{t('col.validTo')}</dt>
              <dd>
                <ValidTo lease={lease} />
              </dd>
              <dt>{t('col.status')}</dt>
              <dd>
                <LeaseStatusText status={lease.status} />
              </dd>
            </dl>
          </Paper>
        ))}
      </Stack>
      <CursorPager label={t('pagination')} page={leases.data} onCursor={setCursor} />
    </>
  );
}

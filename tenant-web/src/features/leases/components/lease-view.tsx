import { Alert, Anchor, Button, Paper, Stack, Table, Text, Title } from '@mantine/core';
import type { PortalLeaseDetail } from '@portico/shared/contracts/leases';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EidButtons } from '@/components/eid-buttons';
import { errorText } from '@/lib/errors';
import { formatDate, formatFileSize, formatListDate, formatMoney, unitTypeLabel } from '@/lib/format';
import { signedPdfUrl } from '../api/get-lease';
import { useAreaText } from './lease-list';
import { LeaseStatusText } from './lease-status';

/**
 * Seed 001's lease page: the lease's facts and units, the rent (main administrators), the signed
 * lease to download or a button asking for a copy, and the cases linked to the lease.
 */
export function LeaseView({
  lease,
  onRequestCopy,
  requesting,
  requestError,
}: {
  lease: PortalLeaseDetail;
  onRequestCopy: () => void;
  requesting: boolean;
  requestError: unknown;
}) {
  const { t, i18n } = useTranslation('leases');
  // The portal's own labels (unit types, case statuses) are in its boot-time namespace.
  const { t: tPortal } = useTranslation();
  const locale = i18n.language;
  const areaText = useAreaText();
  const date = (d: string) => <time dateTime={d}>{formatDate(d, locale)}</time>;

  return (
    <Stack gap="lg">
      <section aria-labelledby="lease-facts">
        <Title order={2} size="h3" id="lease-facts" mb="xs">
          {t('facts')}
        </Title>
        <dl className="facts case-facts">
          <dt>{t('col.type')}</dt>
          <dd>{t(`type.${lease.type}`)}</dd>
          <dt>{t('col.tenant')}</dt>
          <dd>{lease.tenant}</dd>
          <dt>{t('col.address')}</dt>
          <dd>{lease.address}</dd>
          <dt>{t('col.area')}</dt>
          <dd>{areaText(lease.areaM2)}</dd>
          <dt>{t('period')}</dt>
          <dd>
            {date(lease.validFrom)} – {lease.validTo ? date(lease.validTo) : t('untilFurtherNotice')}
          </dd>
          <dt>{t('noticePeriod')}</dt>
          <dd>{t('noticeMonths', { count: lease.noticePeriodMonths })}</dd>
          {lease.noticeDate && (
            <>
              <dt>{t('noticeDate')}</dt>
              <dd>{date(lease.noticeDate)}</dd>
            </>
          )}
          <dt>{t('col.status')}</dt>
          <dd>
            <LeaseStatusText status={lease.status} />
          </dd>
        </dl>
      </section>

      <section aria-labelledby="lease-units">
        <Title order={2} size="h3" id="lease-units" mb="xs">
          {t('units')}
        </Title>
        <Stack component="ul" gap="xs" className="plain-list">
          {lease.units.map((unit) => (
            <Paper component="li" key={unit.id} withBorder p="sm">
              <dl className="facts lease-card-facts" style={{ marginTop: 0 }}>
                <dt>{t('unit.number')}</dt>
                <dd>{unit.number}</dd>
                <dt>{t('unit.type')}</dt>
                <dd>{unitTypeLabel(tPortal, unit.type)}</dd>
                <dt>{t('unit.address')}</dt>
                <dd>{unit.address}</dd>
                <dt>{t('unit.area')}</dt>
                <dd>{areaText(unit.areaM2)}</dd>
                {unit.floor && (
                  <>
                    <dt>{t('unit.floor')}</dt>
                    <dd>{unit.floor}</dd>
                  </>
                )}
              </dl>
            </Paper>
          ))}
        </Stack>
      </section>

      <section aria-labelledby="lease-rent">
        <Title order={2} size="h3" id="lease-rent" mb="xs">
          {t('rent')}
        </Title>
        {!lease.rent ? (
          <Stack gap="sm" align="flex-start">
            <Alert color="blue" variant="light" role="status">
              {t(`restricted.${lease.restricted ?? 'role'}`)}
            </Alert>
            {/* A password session steps up with BankID/MitID and comes back here (as on Invoices). */}
            {lease.restricted === 'strong_auth' && <EidButtons intent="step-up" returnTo={`/leases/${lease.id}`} />}
          </Stack>
        ) : !lease.rent.lines.length ? (
          <Text c="gray.7">{t('noRentLines')}</Text>
        ) : (
          // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
          <section className="table-scroll" tabIndex={0} aria-label={t('rent')}>
            <Table verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('rentLine.kind')}</Table.Th>
                  <Table.Th scope="col">{t('rentLine.description')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('rentLine.amount')}
                  </Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('rentLine.vat')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {lease.rent.lines.map((line) => (
                  <Table.Tr key={line.id}>
                    <Table.Th scope="row" fw={500}>
                      {t(`kind.${line.kind}`)}
                    </Table.Th>
                    <Table.Td className="break-anywhere">{line.description}</Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {formatMoney(line.amountMinor, lease.rent!.currency, locale)}
                    </Table.Td>
                    <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                      {t('vatRate', { rate: line.vatRate })}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
              <Table.Tfoot>
                {lease.rent.totals.vatMinor > 0 && (
                  <>
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={2}>
                        {t('totalNet')}
                      </Table.Th>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(lease.rent.totals.netMinor, lease.rent.currency, locale)}
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={2}>
                        {t('totalVat')}
                      </Table.Th>
                      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                        {formatMoney(lease.rent.totals.vatMinor, lease.rent.currency, locale)}
                      </Table.Td>
                      <Table.Td />
                    </Table.Tr>
                  </>
                )}
                <Table.Tr>
                  <Table.Th scope="row" colSpan={2}>
                    {t('totalGross')}
                  </Table.Th>
                  <Table.Td ta="right" fw={700} style={{ whiteSpace: 'nowrap' }}>
                    {formatMoney(lease.rent.totals.grossMinor, lease.rent.currency, locale)}
                  </Table.Td>
                  <Table.Td />
                </Table.Tr>
              </Table.Tfoot>
            </Table>
          </section>
        )}
      </section>

      <section aria-labelledby="lease-document">
        <Title order={2} size="h3" id="lease-document" mb="xs">
          {t('document')}
        </Title>
        {lease.signedPdf ? (
          lease.restricted ? (
            <Text>{t(`restricted.${lease.restricted}`)}</Text>
          ) : (
            <Stack gap={4} align="flex-start">
              <Button component="a" href={signedPdfUrl(lease.id)} download={lease.signedPdf.filename}>
                {t('download')}
              </Button>
              <Text size="sm" c="gray.7" className="break-anywhere">
                {lease.signedPdf.filename} · {formatFileSize(lease.signedPdf.size, locale)}
              </Text>
            </Stack>
          )
        ) : (
          <Stack gap="xs" align="flex-start">
            <Text>{t('noDocument')}</Text>
            <Button variant="default" onClick={onRequestCopy} loading={requesting}>
              {t('requestCopy')}
            </Button>
            {requestError ? (
              <Alert color="red" variant="light" role="alert">
                {errorText(t, requestError)}
              </Alert>
            ) : null}
          </Stack>
        )}
      </section>

      <section aria-labelledby="lease-cases">
        <Title order={2} size="h3" id="lease-cases" mb="xs">
          {t('cases')}
        </Title>
        {!lease.cases.items.length ? (
          <Text c="gray.7">{t('casesEmpty')}</Text>
        ) : (
          <Stack gap="xs">
            <Stack component="ul" gap="xs" className="plain-list">
              {lease.cases.items.map((c) => (
                <li key={c.id}>
                  <Anchor component={Link} to={`/cases/${c.id}`} fw={600} className="break-anywhere">
                    {c.number} · {c.title}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {tPortal(`cases.status.${c.status}`)} · <time dateTime={c.createdAt}>{formatListDate(c.createdAt, locale)}</time>
                  </Text>
                </li>
              ))}
            </Stack>
            {lease.cases.total > lease.cases.items.length && (
              <Text size="sm" c="gray.7">
                {t('casesShown', {
                  shown: lease.cases.items.length,
                  total: lease.cases.totalCapped ? `${lease.cases.total}+` : lease.cases.total,
                })}
              </Text>
            )}
          </Stack>
        )}
      </section>
    </Stack>
  );
}

import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AttachmentLinks } from '@/components/attachment-links';
import { formatDate, formatDateTime } from '@/lib/i18n';
import { OverdueBadge } from './case-status-badge';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

const orDash = (value: string | null | undefined) => value || '–';

/** Who and where the case is about, and seed 003's location and contact fields. */
export function CaseFacts({ detail, linkCustomer }: { detail: CaseDetail; linkCustomer: boolean }) {
  const { t } = useTranslation();
  const loc = detail.location;
  const postal = [loc.postalCode, loc.city].filter(Boolean).join(' ');
  return (
    <Stack gap="lg">
      <section aria-labelledby="case-about-heading">
        <Title order={2} size="h4" id="case-about-heading" mb="xs">
          {t('cases.detail.about')}
        </Title>
        <Paper withBorder p="md" radius="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0} spacing="sm">
            <Fact label={t('cases.column.customer')}>
              {detail.customer ? (
                linkCustomer ? (
                  <Anchor component={Link} to={`/customers/${detail.customer.id}`}>
                    {detail.customer.name}
                  </Anchor>
                ) : (
                  detail.customer.name
                )
              ) : (
                t('cases.allCustomersIn', { property: detail.property.name })
              )}
            </Fact>
            <Fact label={t('compose.lease')}>{detail.lease ? `${detail.lease.number} · ${detail.lease.address}` : '–'}</Fact>
            <Fact label={t('cases.property')}>{detail.property.name}</Fact>
            <Fact label={t('cases.form.type')}>{t(`cases.type.${detail.type}`)}</Fact>
            <Fact label={t('cases.object')}>{orDash(detail.object?.number)}</Fact>
            <Fact label={t('cases.detail.reporter')}>
              {detail.reporter.name} ({t(`cases.detail.reporterKind.${detail.reporter.kind}`)})
            </Fact>
            <Fact label={t('cases.assignee')}>{detail.assignee?.name ?? t('cases.unassigned')}</Fact>
            <Fact label={t('cases.detail.manager')}>{orDash(detail.responsibleManager?.name)}</Fact>
            <Fact label={t('cases.column.created')}>
              <time dateTime={detail.createdAt}>{formatDateTime(detail.createdAt)}</time>
            </Fact>
            <Fact label={t('cases.column.due')}>
              {detail.dueAt ? (
                <Group gap={6} component="span">
                  <time dateTime={detail.dueAt}>{formatDate(detail.dueAt)}</time>
                  {detail.overdue && <OverdueBadge />}
                </Group>
              ) : (
                '–'
              )}
            </Fact>
          </SimpleGrid>
        </Paper>
      </section>

      <section aria-labelledby="case-description-heading">
        <Title order={2} size="h4" id="case-description-heading" mb="xs">
          {t('cases.form.description')}
        </Title>
        <Paper withBorder p="md" radius="sm">
          <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{detail.description}</Text>
          <AttachmentLinks attachments={detail.attachments} />
        </Paper>
      </section>

      <section aria-labelledby="case-location-heading">
        <Title order={2} size="h4" id="case-location-heading" mb="xs">
          {t('cases.form.locationLegend')}
        </Title>
        <Paper withBorder p="md" radius="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0} spacing="sm">
            <Fact label={t('cases.location.siteName')}>{orDash(loc.siteName)}</Fact>
            <Fact label={t('cases.location.street')}>{orDash(loc.street)}</Fact>
            <Fact label={t('cases.detail.postalCity')}>{orDash(postal)}</Fact>
            <Fact label={t('cases.location.reporterName')}>{orDash(loc.reporterName)}</Fact>
            <Fact label={t('cases.location.reporterPhone')}>
              {loc.reporterPhone ? <Anchor href={`tel:${loc.reporterPhone}`}>{loc.reporterPhone}</Anchor> : '–'}
            </Fact>
            <Fact label={t('cases.location.sitePhone1')}>
              {loc.sitePhone1 ? <Anchor href={`tel:${loc.sitePhone1}`}>{loc.sitePhone1}</Anchor> : '–'}
            </Fact>
            <Fact label={t('cases.location.sitePhone2')}>
              {loc.sitePhone2 ? <Anchor href={`tel:${loc.sitePhone2}`}>{loc.sitePhone2}</Anchor> : '–'}
            </Fact>
            <Fact label={t('cases.detail.masterKey')}>{loc.masterKeyAllowed ? t('cases.detail.yes') : t('cases.detail.no')}</Fact>
            <Fact label={t('cases.location.doorCode')}>{orDash(loc.doorCode)}</Fact>
            <Fact label={t('cases.location.agreementNumber')}>{orDash(loc.agreementNumber ?? detail.agreementNumber)}</Fact>
            <Fact label={t('cases.location.invoiceMarking')}>{orDash(loc.invoiceMarking ?? detail.invoiceMarking)}</Fact>
          </SimpleGrid>
        </Paper>
      </section>
    </Stack>
  );
}

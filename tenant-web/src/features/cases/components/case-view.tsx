import { Alert, Grid, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime, leaseLabel } from '@/lib/format';
import { AttachmentLinks } from './attachment-links';
import { CaseDialog } from './case-dialog';
import { CaseReplyForm } from './case-reply-form';
import { CaseStatusBadge } from './case-status-badge';
import { CaseTimeline } from './case-timeline';
import { FollowButton } from './follow-button';
import { ManagerCard } from './manager-card';
import { WorkOrderList } from './work-order-list';

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="sm">
        {title}
      </Title>
      {children}
    </section>
  );
}

/** One case: status, description, details, status history, dialog, actions (work orders) and the manager. */
export function CaseView({ customerId, detail, createdNote }: { customerId: string; detail: CaseDetail; createdNote: boolean }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language;
  const isInformation = detail.type === 'information';
  const closed = detail.status === 'closed';
  const loc = detail.location;
  const postal = [loc.postalCode, loc.city].filter(Boolean).join(' ');

  const facts: [string, ReactNode][] = [];
  const add = (label: string, value: ReactNode) => {
    if (value !== null && value !== undefined && value !== '') facts.push([label, value]);
  };
  add(t('case.facts.type'), t(`cases.type.${detail.type}`));
  add(t('case.facts.lease'), detail.lease ? leaseLabel(t, detail.lease) : null);
  add(t('case.facts.property'), detail.property.name);
  add(t('newCase.object'), detail.object?.number);
  add(t('newCase.siteName'), loc.siteName);
  add(t('newCase.street'), loc.street ?? detail.street);
  add(t('case.facts.postal'), postal);
  add(t('newCase.reporterName'), isInformation ? null : (loc.reporterName ?? detail.reporter.name));
  add(t('newCase.reporterPhone'), loc.reporterPhone);
  add(t('newCase.sitePhone1'), loc.sitePhone1);
  add(t('newCase.sitePhone2'), loc.sitePhone2);
  if (!isInformation) add(t('case.facts.masterKey'), loc.masterKeyAllowed ? t('case.facts.yes') : t('case.facts.no'));
  add(t('newCase.doorCode'), loc.doorCode);
  add(t('newCase.agreementNumber'), loc.agreementNumber ?? detail.agreementNumber);
  add(t('newCase.invoiceMarking'), loc.invoiceMarking ?? detail.invoiceMarking);
  add(t('case.facts.assignee'), detail.assignee?.name);

  return (
    <Stack gap="lg">
      <div>
        <Title order={1} style={{ overflowWrap: 'anywhere' }}>
          {t('case.heading', { number: detail.number, title: detail.title })}
        </Title>
        <Group gap="sm" mt="xs" align="center">
          <CaseStatusBadge status={detail.status} size="md" />
          <Text size="sm" c="gray.7">
            {t('case.createdAt', { date: formatDateTime(detail.createdAt, locale) })}
          </Text>
        </Group>
      </div>
      <div role="status">
        {createdNote && (
          // No Alert title: its green text is below 4.5:1 on the light background.
          <Alert color="green" variant="light">
            <Text fw={700}>{t('case.createdTitle')}</Text>
            <Text>{t('case.createdNote', { number: detail.number })}</Text>
          </Alert>
        )}
      </div>
      {isInformation && (
        <Alert color="blue" variant="light" title={t('case.information.title')}>
          {t('case.information.text')}
        </Alert>
      )}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="xl">
            <Section id="case-description" title={t('case.description')}>
              <div className="message-body">{detail.description}</div>
              {detail.attachments.length > 0 && (
                <Stack gap={4} mt="sm">
                  <AttachmentLinks attachments={detail.attachments} label={t('case.attachments')} />
                </Stack>
              )}
            </Section>
            <Section id="case-details" title={t('case.details')}>
              <dl className="facts case-facts">
                {facts.map(([label, value]) => (
                  <div key={label} className="facts-row">
                    <dt>{label}</dt>
                    <dd>{value}</dd>
                  </div>
                ))}
              </dl>
            </Section>
            <Section id="case-timeline" title={t('case.timeline.title')}>
              <CaseTimeline events={detail.events} />
            </Section>
            {!isInformation && (
              <Section id="case-actions" title={t('case.actions.title')}>
                <WorkOrderList workOrders={detail.workOrders} />
              </Section>
            )}
            <Section id="case-dialog" title={t('case.dialog.title')}>
              <CaseDialog events={detail.events} />
            </Section>
            <Section id="case-reply" title={t('case.reply.title')}>
              {closed ? (
                <Text c="gray.7">{isInformation ? t('case.reply.closedInformation') : t('case.reply.closed')}</Text>
              ) : (
                <CaseReplyForm customerId={customerId} caseId={detail.id} />
              )}
            </Section>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            <Paper withBorder p="md" component="section" aria-labelledby="case-manager">
              <Title order={2} size="h4" id="case-manager" mb="xs">
                {t('case.manager.title')}
              </Title>
              <ManagerCard manager={detail.responsibleManager} />
            </Paper>
            <Paper withBorder p="md" component="section" aria-labelledby="case-follow">
              <Title order={2} size="h4" id="case-follow" mb="xs">
                {t('case.follow.title')}
              </Title>
              <FollowButton customerId={customerId} detail={detail} />
            </Paper>
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/components/page-heading';
import { useCase } from '../api/get-case';
import { CaseActions } from './case-actions';
import { CaseFacts } from './case-facts';
import { CaseRecipients } from './case-recipients';
import { CaseReplyForm } from './case-reply-form';
import { CaseStatusBadge, OverdueBadge } from './case-status-badge';
import { CaseTimeline } from './case-timeline';
import { WorkOrders } from './work-orders';

/** `dispatcher`: everyone but technicians (who may not assign or open customer pages). */
export function CaseView({ caseId, dispatcher }: { caseId: string; dispatcher: boolean }) {
  const { t } = useTranslation();
  const detail = useCase(caseId);
  usePageTitle(detail.data ? `${detail.data.number} ${detail.data.title}` : t('cases.detail.title'));

  if (detail.isPending) return <Loading />;
  if (detail.isError)
    return (
      <>
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.back')}
        </Anchor>
        <Title order={1} size="h2" my="md">
          {t('cases.detail.title')}
        </Title>
        <ErrorAlert error={detail.error} />
      </>
    );

  const c = detail.data;
  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.back')}
        </Anchor>
        <Text size="sm" c="dimmed" mt="xs">
          {t('cases.detail.number', { number: c.number })}
        </Text>
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {c.title}
        </Title>
        <Group gap="xs" mt={6}>
          <CaseStatusBadge status={c.status} />
          {c.overdue && <OverdueBadge />}
          {c.recipients && (
            <Badge variant="outline" color="gray.8" size="sm" tt="none">
              {t('cases.detail.related')}
            </Badge>
          )}
        </Group>
      </div>
      <CaseFacts detail={c} linkCustomer={dispatcher} />
      {c.recipients && <CaseRecipients caseId={c.id} recipients={c.recipients} />}
      <CaseActions detail={c} canAssign={dispatcher} />
      <CaseTimeline events={c.events} customerNames={new Map(c.recipients?.map((r) => [r.customerId, r.customerName]))} />
      {/* Only a case sent to a whole property has several dialogs to choose between. */}
      <CaseReplyForm caseId={c.id} recipients={c.customer === null ? (c.recipients ?? undefined) : undefined} />
      <WorkOrders caseId={c.id} orders={c.workOrders} />
    </Stack>
  );
}

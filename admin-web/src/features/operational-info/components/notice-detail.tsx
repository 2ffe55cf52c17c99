import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { noticeState } from '@portico/shared/contracts/operational-info';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager } from '@/components/pager';
import { RichText } from '@/components/rich-text';
import { TableScroll } from '@/components/table-scroll';
import { useNotice, useNoticeDeliveries, useResolveNotice, useRetryDelivery } from '../api/notices';
import { NoticeForm } from './notice-form';
import { noticeWhen, STATE_COLOR } from './notice-list';

/** One notice: its text and history, edit, resolve early, and (urgent ones) how each e-mail and SMS went. */
export function NoticeDetailView({ noticeId }: { noticeId: string }) {
  const { t, i18n } = useTranslation('ops');
  const query = useNotice(noticeId);
  const resolve = useResolveNotice(noticeId);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorAlert error={query.error} />;
  const notice = query.data;
  // The shared rule, as of now (a page left open turns planned into current by itself on refetch).
  const state = noticeState(notice);
  const f = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/content" size="sm">
        {t('console.back')}
      </Anchor>
      <Group gap="xs">
        <Badge color={notice.kind === 'disruption' ? 'red.9' : 'blue.9'} variant="filled">
          {t(`kind.${notice.kind}`)}
        </Badge>
        <Badge color={STATE_COLOR[state]} variant="filled">
          {t(`state.${state}`)}
        </Badge>
        {notice.urgent && (
          <Badge color="gray.8" variant="filled">
            {t('urgent')}
          </Badge>
        )}
      </Group>
      <Title order={1} size="h2">
        {notice.title}
      </Title>
      <Text size="sm" c="dimmed">
        {noticeWhen(notice, i18n.language)} ·{' '}
        {notice.allProperties ? t('console.allProperties') : notice.properties.map((p) => p.name).join(', ')}
      </Text>
      <ErrorAlert error={resolve.error} />
      {editing ? (
        <NoticeForm notice={notice} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
      ) : (
        <>
          <RichText html={notice.bodyHtml} />
          {state !== 'resolved' && (
            <Group>
              <Button variant="default" onClick={() => setEditing(true)}>
                {t('console.edit')}
              </Button>
              <Button
                color="teal.9"
                loading={resolve.isPending}
                onClick={() => {
                  if (window.confirm(t('console.resolveConfirm'))) resolve.mutate({});
                }}
              >
                {t('console.resolve')}
              </Button>
            </Group>
          )}
        </>
      )}
      <Stack gap="xs" component="section" aria-labelledby="notice-history">
        <Title order={2} size="h4" id="notice-history">
          {t('history.title')}
        </Title>
        <Stack gap="xs" component="ol" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {notice.history.map((h) => (
            <li key={h.id}>
              <Text size="sm" fw={600}>
                {t(`history.${h.kind}`)}{' '}
                <Text span size="xs" c="dimmed">
                  {f.format(new Date(h.createdAt))}
                </Text>
              </Text>
              {h.bodyHtml && <RichText html={h.bodyHtml} />}
            </li>
          ))}
        </Stack>
      </Stack>
      {notice.urgent && <Deliveries noticeId={notice.id} counts={notice.deliveries} />}
    </Stack>
  );
}

function Deliveries({ noticeId, counts }: { noticeId: string; counts: { email: Counts; sms: Counts } }) {
  const { t } = useTranslation('ops');
  const [cursor, setCursor] = useState<string | undefined>();
  const page = useNoticeDeliveries(noticeId, { cursor, limit: 25 }, true);
  const retry = useRetryDelivery(noticeId);
  const c = counts;
  return (
    <Stack gap="xs" component="section" aria-labelledby="notice-deliveries">
      <Title order={2} size="h4" id="notice-deliveries">
        {t('console.deliveries.title')}
      </Title>
      <Text size="sm">
        {t('console.deliveries.summary', {
          emailSent: c.email.sent,
          emailQueued: c.email.queued,
          emailFailed: c.email.failed,
          smsSent: c.sms.sent,
          smsQueued: c.sms.queued,
          smsFailed: c.sms.failed,
        })}
      </Text>
      <ErrorAlert error={page.error ?? retry.error} />
      {page.data?.items.length ? (
        <TableScroll label={t('console.deliveries.title')} minWidth={720}>
          <Table striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('console.deliveries.recipient')}</Table.Th>
                <Table.Th>{t('console.deliveries.customer')}</Table.Th>
                <Table.Th>{t('console.deliveries.channel')}</Table.Th>
                <Table.Th>{t('console.deliveries.state')}</Table.Th>
                <Table.Th>{t('console.deliveries.error')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {page.data.items.map((d) => (
                <Table.Tr key={d.id}>
                  <Table.Td>
                    {d.recipientName}
                    <Text size="xs" c="dimmed">
                      {d.to}
                    </Text>
                  </Table.Td>
                  <Table.Td>{d.customerName ?? ''}</Table.Td>
                  <Table.Td>{t(`console.form.${d.channel}`)}</Table.Td>
                  <Table.Td>{t(`console.deliveries.state_${d.state}`)}</Table.Td>
                  <Table.Td>{d.lastError ?? ''}</Table.Td>
                  <Table.Td>
                    {d.state === 'failed' && (
                      <Button size="xs" variant="default" loading={retry.isPending} onClick={() => retry.mutate(d.id)}>
                        {t('console.deliveries.retry')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </TableScroll>
      ) : page.isPending ? (
        <Loading />
      ) : (
        <Text c="dimmed">{t('console.deliveries.empty')}</Text>
      )}
      {page.data && <CursorPager page={page.data} onCursor={setCursor} />}
    </Stack>
  );
}
type Counts = { queued: number; sent: number; failed: number };

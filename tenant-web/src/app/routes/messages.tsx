import { Badge, Button, Group, Stack, Tabs, Title } from '@mantine/core';
import { type Box, isBox } from '@portico/shared/list-params';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext, useSearchParams } from 'react-router';
import { useUnreadCount } from '@/features/messages/api/get-unread-count';
import { ThreadList } from '@/features/messages/components/thread-list';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

export function MessagesRoute() {
  const { t } = useTranslation();
  usePageTitle(t('messages.title'));
  const { selection } = useOutletContext<PortalOutletContext>();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const requested = params.get('box');
  const box: Box = isBox(requested) ? requested : 'inbox';
  const unreadCount = useUnreadCount().data;
  const unread = unreadCount?.inbox ?? 0;
  const leaseId = selection?.leaseId ?? undefined;

  const setBox = (next: string | null) => {
    if (isBox(next)) setParams(next === 'inbox' ? {} : { box: next });
  };

  return (
    <Stack gap="md">
      <Group justify="space-between" gap="sm">
        <Title order={1}>{t('messages.title')}</Title>
        <Button onClick={() => navigate('/messages/new')}>{t('messages.new')}</Button>
      </Group>
      <Tabs value={box} onChange={setBox} keepMounted={false}>
        <Tabs.List aria-label={t('messages.boxes')}>
          <Tabs.Tab
            value="inbox"
            rightSection={
              unread > 0 ? (
                <Badge size="sm" circle={unread < 10} aria-hidden="true">
                  {unreadCount?.capped ? `${unread}+` : unread}
                </Badge>
              ) : null
            }
          >
            {t('messages.inbox')}
            {unread > 0 && (
              <span className="visually-hidden">
                {' '}
                ({t(unreadCount?.capped ? 'messages.unreadCountCapped' : 'messages.unreadCount', { count: unread })})
              </span>
            )}
          </Tabs.Tab>
          <Tabs.Tab value="sent">{t('messages.sent')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox" pt="sm">
          <ThreadList box="inbox" leaseId={leaseId} />
        </Tabs.Panel>
        <Tabs.Panel value="sent" pt="sm">
          <ThreadList box="sent" leaseId={leaseId} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

import { Badge, Button, Group, Tabs } from '@mantine/core';
import type { Box } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useUnreadCount } from '@/features/messages/api/get-unread-count';
import { ThreadList } from '@/features/messages/components/thread-list';

export function MessagesRoute() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'sent' ? 'sent' : 'inbox';
  const unreadCount = useUnreadCount().data;
  const unread = unreadCount?.inbox ?? 0;

  return (
    <>
      <Group justify="space-between" align="flex-start">
        <PageHeading title={t('messages.title')} />
        <Button component={Link} to="/messages/new">
          {t('messages.new')}
        </Button>
      </Group>
      <Tabs value={box} onChange={(value) => setParams(value === 'sent' ? { box: 'sent' } : {})} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab
            value="inbox"
            rightSection={
              unread > 0 ? (
                <Badge size="xs" color="red.9" variant="filled" aria-hidden="true">
                  {unreadCount?.capped ? `${unread}+` : unread}
                </Badge>
              ) : undefined
            }
          >
            {t('messages.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="sent">{t('messages.sent')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="inbox">
          <ThreadList box="inbox" />
        </Tabs.Panel>
        <Tabs.Panel value="sent">
          <ThreadList box="sent" />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}

import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useThread } from '@/features/messages/api/get-thread';
import { ThreadView } from '@/features/messages/components/thread-view';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';

export function ThreadRoute() {
  const { t } = useTranslation();
  const { threadId = '' } = useParams();
  const thread = useThread(threadId);
  usePageTitle(thread.data?.subject ?? t('thread.title'));

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/messages">
        {t('thread.back')}
      </Anchor>
      {thread.isPending && (
        <>
          <Title order={1}>{t('thread.title')}</Title>
          <PageLoader />
        </>
      )}
      {thread.isError && (
        <>
          <Title order={1}>{t('thread.title')}</Title>
          <Alert color="red" variant="light" role="alert">
            {errorText(t, thread.error)}
          </Alert>
        </>
      )}
      {thread.data && <ThreadView thread={thread.data} />}
    </Stack>
  );
}

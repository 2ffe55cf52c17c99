import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { PostList } from '@/features/posts/components/post-list';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seeds 002/004: news, bulletin board and area information of the customer's properties (every role; read only). */
export function NewsRoute() {
  const { t, ready } = useTranslation('posts');
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t('title') : '');
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      ) : (
        <PostList customerId={membership.customerId} />
      )}
    </Stack>
  );
}

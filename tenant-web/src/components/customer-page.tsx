import { Alert, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import type { PortalOutletContext } from '@/app/routes/portal-layout';
import { PageLoader } from '@/components/page-loader';
import { usePageTitle } from '@/lib/use-page-title';

/**
 * A portal page about the acting customer (operational info, news, documents): its title from the
 * page's own namespace (loaded on demand), then the content for the customer — or, for someone with
 * no customer, the same notice every such page gives.
 */
export function CustomerPage({
  ns,
  titleKey,
  intro,
  children,
}: {
  ns: string;
  titleKey: string;
  /** A line under the title, from the same namespace. */
  intro?: string;
  children: (customerId: string) => ReactNode;
}) {
  const { t, ready } = useTranslation(ns);
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t(titleKey) : '');
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t(titleKey)}</Title>
      {intro && <Text c="gray.7">{t(intro)}</Text>}
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      ) : (
        children(membership.customerId)
      )}
    </Stack>
  );
}

import { Stack, Text } from '@mantine/core';
import type { WebhookEndpointWithSecret } from '@portico/shared/contracts/webhooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { EndpointForm } from '@/features/webhooks/components/endpoint-form';
import { EndpointList } from '@/features/webhooks/components/endpoint-list';
import { SecretAlert } from '@/features/webhooks/components/secret-alert';

/** Webhooks (issue 10; admins and managers): the endpoints and a form for a new one. */
export function WebhooksRoute() {
  const { t } = useTranslation('webhooks');
  const [created, setCreated] = useState<WebhookEndpointWithSecret | null>(null);
  return (
    <>
      <PageHeading title={t('title')} />
      <Stack gap="xl">
        <Text size="sm">{t('intro')}</Text>
        {created && (
          <Stack gap="xs">
            <SecretAlert secret={created.secret} />
            <Text size="sm">
              <Link to={`/settings/webhooks/${created.id}`}>{created.url}</Link>
            </Text>
          </Stack>
        )}
        <EndpointForm onCreated={setCreated} />
        <EndpointList />
      </Stack>
    </>
  );
}

import { Alert, Anchor, Button, Group, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useDeleteEndpoint, useRotateSecret, useSendTest } from '@/features/webhooks/api/change-endpoint';
import { useEndpoint } from '@/features/webhooks/api/get-endpoints';
import { DeliveryLog } from '@/features/webhooks/components/delivery-log';
import { EndpointForm } from '@/features/webhooks/components/endpoint-form';
import { SecretAlert } from '@/features/webhooks/components/secret-alert';
import { EndpointStatusBadge } from '@/features/webhooks/components/status-badges';

/** One endpoint: edit, send a test event, new secret, delete, and its delivery log. */
export function WebhookEndpointRoute() {
  const { t } = useTranslation('webhooks');
  const { endpointId = '' } = useParams();
  const navigate = useNavigate();
  const endpoint = useEndpoint(endpointId);
  const sendTest = useSendTest();
  const rotate = useRotateSecret();
  const remove = useDeleteEndpoint();
  const [secret, setSecret] = useState<string | null>(null);
  if (endpoint.isPending) return <Loading />;
  if (endpoint.isError) return <ErrorAlert error={endpoint.error} />;
  const e = endpoint.data;
  return (
    <>
      <PageHeading title={t('title')} />
      <Stack gap="lg">
        <Anchor component={Link} to="/settings/webhooks" size="sm">
          ← {t('actions.back')}
        </Anchor>
        <Group gap="xs">
          <EndpointStatusBadge endpoint={e} />
        </Group>
        <ErrorAlert error={sendTest.error ?? rotate.error ?? remove.error} />
        {sendTest.isSuccess && (
          <Alert color="green" variant="light" role="status">
            {t('actions.testSent')}
          </Alert>
        )}
        {secret && <SecretAlert secret={secret} />}
        <Group gap="sm">
          <Button onClick={() => sendTest.mutate(e.id)} loading={sendTest.isPending} disabled={!e.enabled}>
            {t('actions.test')}
          </Button>
          <Button
            variant="default"
            loading={rotate.isPending}
            onClick={() => {
              if (window.confirm(t('secret.rotateConfirm'))) rotate.mutate(e.id, { onSuccess: (r) => setSecret(r.secret) });
            }}
          >
            {t('secret.rotate')}
          </Button>
          <Button
            variant="default"
            color="red"
            loading={remove.isPending}
            onClick={() => {
              if (window.confirm(t('actions.deleteConfirm'))) remove.mutate(e.id, { onSuccess: () => navigate('/settings/webhooks') });
            }}
          >
            {t('actions.delete')}
          </Button>
        </Group>
        <EndpointForm key={e.updatedAt} endpoint={e} />
        <DeliveryLog endpointId={e.id} enabled={e.enabled} />
      </Stack>
    </>
  );
}

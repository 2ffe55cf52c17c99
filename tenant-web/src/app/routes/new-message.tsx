import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import { NewMessageForm } from '@/features/messages/components/new-message-form';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

export function NewMessageRoute() {
  const { t } = useTranslation();
  usePageTitle(t('newMessage.title'));
  const { me, selection } = useOutletContext<PortalOutletContext>();
  const navigate = useNavigate();
  const membership = me.memberships.find((m) => m.customerId === selection?.customerId);
  const leases = membership?.leases ?? [];

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('newMessage.title')}</Title>
      {leases.length ? (
        <NewMessageForm
          key={selection ? `${selection.customerId}|${selection.leaseId}` : 'none'}
          leases={leases}
          defaultLeaseId={selection?.leaseId ?? null}
          onSuccess={(thread) => navigate(`/messages/${thread.id}`, { replace: true })}
          onCancel={() => navigate('/messages')}
        />
      ) : (
        <Alert color="yellow" variant="light">
          {t('newMessage.noLease')}
        </Alert>
      )}
    </Stack>
  );
}

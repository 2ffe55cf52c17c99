import { Badge, Button, Group, Text } from '@mantine/core';
import type { DeliveryState } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';
import { useRetryMessageDeliveries } from '../api/retry-delivery';

const COLORS: Record<DeliveryState, string> = { queued: 'gray.7', sent: 'teal.9', failed: 'red.9' };

/** The e-mail state of a staff message; a failed one can be sent again (administrators and managers). */
export function DeliveryBadge({ state, messageId }: { state: DeliveryState; messageId?: string }) {
  const { t } = useTranslation();
  const retry = useRetryMessageDeliveries();
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={COLORS[state]} variant="filled" size="sm">
        {t('thread.delivery', { state: t(`common:delivery.${state}`) })}
      </Badge>
      {state === 'failed' && messageId && (
        <Button size="compact-xs" variant="outline" color="red.9" loading={retry.isPending} onClick={() => retry.mutate(messageId)}>
          {t('thread.retryDelivery')}
        </Button>
      )}
      {retry.isError && (
        <Text size="sm" c="red.9" role="alert">
          {errorMessage(t, retry.error)}
        </Text>
      )}
    </Group>
  );
}

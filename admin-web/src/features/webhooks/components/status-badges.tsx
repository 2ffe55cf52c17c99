import { Badge } from '@mantine/core';
import type { WebhookDeliveryStatus, WebhookEndpoint } from '@portico/shared/contracts/webhooks';
import { useTranslation } from 'react-i18next';

const DELIVERY_COLOUR: Record<WebhookDeliveryStatus, string> = { pending: 'blue.8', succeeded: 'green.9', failed: 'red.9' };

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useTranslation('webhooks');
  return (
    <Badge variant="light" color={DELIVERY_COLOUR[status]} size="sm">
      {t(`deliveryStatus.${status}`)}
    </Badge>
  );
}

export function EndpointStatusBadge({ endpoint }: { endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'> }) {
  const { t } = useTranslation('webhooks');
  const key = endpoint.enabled ? 'enabled' : (endpoint.disabledReason ?? 'manual');
  return (
    <Badge variant="light" color={endpoint.enabled ? 'green.9' : key === 'failing' ? 'red.9' : 'gray.8'} size="sm">
      {t(`status.${key}`)}
    </Badge>
  );
}

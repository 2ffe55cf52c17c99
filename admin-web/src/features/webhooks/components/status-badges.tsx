import { Badge } from '@mantine/core';
import type { WebhookDeliveryStatus, WebhookEndpoint } from '@portico/shared/contracts/webhooks';
import { useTranslation } from 'react-i18next';

/** Filled, with white text at 4.5:1 or more (as the import status badges). */
const DELIVERY_COLOUR: Record<WebhookDeliveryStatus, string> = { pending: 'blue.8', succeeded: 'teal.9', failed: 'red.9' };

export function DeliveryStatusBadge({ status }: { status: WebhookDeliveryStatus }) {
  const { t } = useTranslation('webhooks');
  return (
    <Badge variant="filled" color={DELIVERY_COLOUR[status]} size="sm">
      {t(`deliveryStatus.${status}`)}
    </Badge>
  );
}

export function EndpointStatusBadge({ endpoint }: { endpoint: Pick<WebhookEndpoint, 'enabled' | 'disabledReason'> }) {
  const { t } = useTranslation('webhooks');
  const key = endpoint.enabled ? 'enabled' : (endpoint.disabledReason ?? 'manual');
  return (
    <Badge variant="filled" color={endpoint.enabled ? 'teal.9' : key === 'failing' ? 'red.9' : 'gray.8'} size="sm">
      {t(`status.${key}`)}
    </Badge>
  );
}

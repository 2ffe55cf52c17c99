import { Badge } from '@mantine/core';
import type { DeliveryState } from '@portico/shared/contracts/messaging';
import { useTranslation } from 'react-i18next';

const COLORS: Record<DeliveryState, string> = { queued: 'gray.7', sent: 'teal.9', failed: 'red.9' };

export function DeliveryBadge({ state }: { state: DeliveryState }) {
  const { t } = useTranslation();
  return (
    <Badge color={COLORS[state]} variant="filled" size="sm">
      {t('thread.delivery', { state: t(`common:delivery.${state}`) })}
    </Badge>
  );
}

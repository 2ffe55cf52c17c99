import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNotices } from '../api/get-notices';

/**
 * Seed 002, in the new-case form: "A fault in a common area? It may already be known" — the current
 * notices for the chosen lease's property (all the customer's properties when no lease is chosen),
 * shown before the form. Nothing when there are none.
 */
export function KnownNotices({ customerId, leaseId }: { customerId: string; leaseId: string }) {
  const { t, ready } = useTranslation('ops');
  const notices = useNotices(customerId, leaseId ? { leaseId } : {});
  const current = notices.data?.current ?? [];
  if (!ready || current.length === 0) return null;
  return (
    // The heading as text of its own: Alert's coloured title fails axe's contrast check on yellow.
    <Alert color="yellow" variant="light" data-testid="known-notices">
      <Text fw={700} mb={4}>
        {t('known.title')}
      </Text>
      <Text size="sm" mb="xs">
        {t('known.intro')}
      </Text>
      <ul style={{ margin: 0, paddingInlineStart: 20 }}>
        {current.map((n) => (
          <li key={n.id}>
            <Anchor component={Link} to={`/operational-info/${n.id}`} size="sm">
              {n.title}
            </Anchor>
          </li>
        ))}
      </ul>
    </Alert>
  );
}

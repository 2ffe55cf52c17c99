import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { formatDateTime } from '@/lib/i18n';
import { useRedeliver } from '../api/change-endpoint';
import { useDeliveries } from '../api/get-deliveries';
import { eventLabelKey } from './event-label';
import { DeliveryStatusBadge } from './status-badges';

/** One endpoint's deliveries, newest first, with "redeliver" per row. */
export function DeliveryLog({ endpointId, enabled }: { endpointId: string; enabled: boolean }) {
  const { t } = useTranslation('webhooks');
  const [cursor, setCursor] = useCursorParam();
  const deliveries = useDeliveries(endpointId, { cursor, limit: 25 });
  const redeliver = useRedeliver();
  return (
    <Stack component="section" aria-labelledby="webhook-deliveries-title" gap="sm">
      <Group justify="space-between">
        <Title order={2} size="h4" id="webhook-deliveries-title">
          {t('deliveries.title')}
        </Title>
        <Button variant="default" size="xs" onClick={() => void deliveries.refetch()} loading={deliveries.isFetching}>
          {t('actions.refresh')}
        </Button>
      </Group>
      <ErrorAlert error={redeliver.error} />
      {redeliver.isSuccess && (
        <Alert color="green" variant="light" role="status">
          {t('actions.redelivered')}
        </Alert>
      )}
      {deliveries.isPending ? (
        <Loading />
      ) : deliveries.isError ? (
        <ErrorAlert error={deliveries.error} />
      ) : deliveries.data.items.length === 0 ? (
        <Text c="dimmed">{t('deliveries.empty')}</Text>
      ) : (
        <>
          <TableScroll label={t('deliveries.title')} minWidth={760}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('deliveries.event')}</Table.Th>
                  <Table.Th>{t('deliveries.time')}</Table.Th>
                  <Table.Th>{t('deliveries.statusCol')}</Table.Th>
                  <Table.Th>{t('deliveries.attempts')}</Table.Th>
                  <Table.Th>{t('deliveries.code')}</Table.Th>
                  <Table.Th>{t('deliveries.duration')}</Table.Th>
                  <Table.Th>{t('deliveries.nextRetry')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('actions.redeliver')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {deliveries.data.items.map((d) => (
                  <Table.Tr key={d.id} data-testid="webhook-delivery">
                    <Table.Td>
                      <Text size="sm">{t(eventLabelKey(d.eventType))}</Text>
                      <Text size="xs" c="dimmed" ff="monospace">
                        {d.eventType}
                      </Text>
                    </Table.Td>
                    <Table.Td>{formatDateTime(d.createdAt)}</Table.Td>
                    <Table.Td>
                      <DeliveryStatusBadge status={d.status} />
                    </Table.Td>
                    <Table.Td>{d.attempts}</Table.Td>
                    <Table.Td title={d.lastResponse ?? undefined}>
                      {d.lastStatusCode ?? (d.attempts ? t('deliveries.noResponse') : '–')}
                    </Table.Td>
                    <Table.Td>{d.lastDurationMs === null ? '–' : `${d.lastDurationMs} ms`}</Table.Td>
                    <Table.Td>{d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '–'}</Table.Td>
                    <Table.Td>
                      {d.status !== 'pending' && enabled && (
                        <Button
                          size="xs"
                          variant="default"
                          loading={redeliver.isPending && redeliver.variables?.deliveryId === d.id}
                          onClick={() => redeliver.mutate({ endpointId, deliveryId: d.id })}
                        >
                          {t('actions.redeliver')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={deliveries.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

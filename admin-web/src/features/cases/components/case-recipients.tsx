import { Badge, Button, Group, Table, Text, Title } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/table-scroll';
import { errorMessage } from '@/lib/errors';
import { type RecipientRetry, useRetryRecipientDeliveries } from '../api/retry-delivery';

type Recipients = NonNullable<CaseDetail['recipients']>;
type Recipient = Recipients[number];
type Delivery = Recipient['email'];

const COLORS: Record<Delivery, string> = { queued: 'gray.7', sent: 'teal.9', failed: 'red.9', none: 'gray.7' };

function DeliveryState({
  state,
  recipient,
  channel,
  onRetry,
  retrying,
}: {
  state: Delivery;
  recipient: Recipient;
  channel: RecipientRetry['channel'];
  onRetry: (target: RecipientRetry) => void;
  retrying: boolean;
}) {
  const { t } = useTranslation();
  if (state === 'none') return <>{t('cases.recipients.state.none')}</>;
  return (
    <Group gap={6} wrap="wrap">
      <Badge color={COLORS[state]} variant="filled" size="sm" tt="none">
        {t(`cases.recipients.state.${state}`)}
      </Badge>
      {state === 'failed' && (
        <Button
          size="compact-xs"
          variant="outline"
          color="red.9"
          loading={retrying}
          aria-label={t('cases.recipients.retryLabel', { channel: t(`cases.recipients.${channel}`), name: recipient.customerName })}
          onClick={() => onRetry({ customerId: recipient.customerId, channel })}
        >
          {t('cases.recipients.retry')}
        </Button>
      )}
    </Group>
  );
}

/** Related cases (seed 001): who the information went to, how each e-mail and SMS went, and "send again". */
export function CaseRecipients({ caseId, recipients }: { caseId: string; recipients: Recipients }) {
  const { t } = useTranslation();
  const retry = useRetryRecipientDeliveries(caseId);
  const retrying = (r: Recipient, channel: RecipientRetry['channel']) =>
    retry.isPending && retry.variables?.customerId === r.customerId && retry.variables.channel === channel;
  return (
    <section aria-labelledby="recipients-heading">
      <Title order={2} size="h4" id="recipients-heading" mb="xs">
        {t('cases.recipients.heading', { count: recipients.length })}
      </Title>
      {retry.isError && (
        <Text size="sm" c="red.9" role="alert" mb="xs">
          {errorMessage(t, retry.error)}
        </Text>
      )}
      <TableScroll label={t('cases.recipients.tableLabel')} minWidth={420}>
        <Table striped aria-labelledby="recipients-heading">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('cases.column.customer')}</Table.Th>
              <Table.Th scope="col">{t('cases.recipients.email')}</Table.Th>
              <Table.Th scope="col">{t('cases.recipients.sms')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {recipients.map((r) => (
              <Table.Tr key={r.customerId}>
                <Table.Td>{r.customerName}</Table.Td>
                <Table.Td>
                  <DeliveryState state={r.email} recipient={r} channel="email" onRetry={retry.mutate} retrying={retrying(r, 'email')} />
                </Table.Td>
                <Table.Td>
                  <DeliveryState state={r.sms} recipient={r} channel="sms" onRetry={retry.mutate} retrying={retrying(r, 'sms')} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}

import { Badge, Table, Title } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';
import { TableScroll } from '@/components/table-scroll';

type Recipients = NonNullable<CaseDetail['recipients']>;
type Delivery = Recipients[number]['email'];

const COLORS: Record<Delivery, string> = { queued: 'gray.7', sent: 'teal.9', failed: 'red.9', none: 'gray.7' };

function DeliveryState({ state }: { state: Delivery }) {
  const { t } = useTranslation();
  if (state === 'none') return <>{t('cases.recipients.state.none')}</>;
  return (
    <Badge color={COLORS[state]} variant="filled" size="sm" tt="none">
      {t(`cases.recipients.state.${state}`)}
    </Badge>
  );
}

/** Related cases (seed 001): who the information went to, and how each e-mail and SMS went. */
export function CaseRecipients({ recipients }: { recipients: Recipients }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="recipients-heading">
      <Title order={2} size="h4" id="recipients-heading" mb="xs">
        {t('cases.recipients.heading', { count: recipients.length })}
      </Title>
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
                  <DeliveryState state={r.email} />
                </Table.Td>
                <Table.Td>
                  <DeliveryState state={r.sms} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
    </section>
  );
}

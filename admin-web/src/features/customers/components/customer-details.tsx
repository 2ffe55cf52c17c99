import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Contact } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/components/page-heading';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/i18n';
import { useCustomer } from '../api/get-customer';
import { useInviteContact } from '../api/invite-contact';
import { PortalUsers } from './portal-users';

const STATE_COLORS: Record<Contact['portalState'], string> = { none: 'gray.7', invited: 'blue.9', registered: 'teal.9' };

type InviteResult = { ok: true; email: string; expiresAt: string } | { ok: false; message: string };

function ContactRow({
  contact,
  portalEnabled,
  result,
  pending,
  onInvite,
}: {
  contact: Contact;
  portalEnabled: boolean;
  result: InviteResult | undefined;
  pending: boolean;
  onInvite: () => void;
}) {
  const { t } = useTranslation();
  const reason = !portalEnabled
    ? t('contacts.reason.portalDisabled')
    : !contact.email
      ? t('contacts.reason.noEmail')
      : contact.portalState === 'registered'
        ? t('contacts.reason.registered')
        : null;
  const reasonId = `invite-reason-${contact.id}`;
  const resultId = `invite-result-${contact.id}`;
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <div style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} component="h3" size="md" m={0}>
              {contact.name}
            </Text>
            <Badge color={STATE_COLORS[contact.portalState]} variant="filled" size="sm">
              <VisuallyHidden>{t('contacts.portalState')}: </VisuallyHidden>
              {t(`contacts.state.${contact.portalState}`)}
            </Badge>
          </Group>
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {contact.email ?? t('contacts.noEmail')}
          </Text>
          {contact.phone && <Text size="sm">{contact.phone}</Text>}
        </div>
        <Stack gap={4} align="flex-start">
          <Button
            size="xs"
            variant={contact.portalState === 'invited' ? 'default' : 'filled'}
            disabled={reason !== null}
            loading={pending}
            onClick={onInvite}
            aria-describedby={[reason ? reasonId : null, result ? resultId : null].filter(Boolean).join(' ') || undefined}
          >
            {t('contacts.invite')}
          </Button>
          {reason && (
            <Text id={reasonId} size="xs" c="dimmed">
              {reason}
            </Text>
          )}
        </Stack>
      </Group>
      <div aria-live="polite" id={resultId}>
        {result && (
          <Text size="sm" mt="xs" c={result.ok ? 'teal.9' : 'red.9'}>
            {result.ok ? t('contacts.invited', { email: result.email, date: formatDate(result.expiresAt) }) : result.message}
          </Text>
        )}
      </div>
    </Paper>
  );
}

export function CustomerDetails({ customerId, portalEnabled }: { customerId: string; portalEnabled: boolean }) {
  const { t } = useTranslation();
  const customer = useCustomer(customerId);
  const invite = useInviteContact();
  const [results, setResults] = useState<Record<string, InviteResult>>({});
  usePageTitle(customer.data?.name ?? t('customers.detailTitle'));

  if (customer.isPending) return <Loading />;
  if (customer.isError)
    return (
      <>
        <Title order={1} size="h2" mb="md">
          {t('customers.detailTitle')}
        </Title>
        <ErrorAlert error={customer.error} />
      </>
    );

  const c = customer.data;
  const pendingContact = invite.isPending ? invite.variables?.contactId : undefined;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/customers" size="sm">
          {t('customers.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end" mt="xs" gap="sm">
          <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
            {c.name}
          </Title>
          <Group gap="xs">
            <Button component={Link} to={`/messages/new?customerId=${encodeURIComponent(c.id)}`}>
              {t('customers.writeMessage')}
            </Button>
            <Button component={Link} to={`/cases/new?customerId=${encodeURIComponent(c.id)}`} variant="default">
              {t('customers.newCase')}
            </Button>
            <Button component={Link} to={`/cases?customerId=${encodeURIComponent(c.id)}&scope=all`} variant="default">
              {t('customers.showCases')}
            </Button>
          </Group>
        </Group>
      </div>

      <section aria-labelledby="details-heading">
        <Title order={2} size="h4" id="details-heading" mb="xs">
          {t('customers.details')}
        </Title>
        <Paper withBorder p="md" radius="sm">
          <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('customers.kindLabel')}
              </Text>
              <Text component="dd" m={0}>
                {t(`customers.kind.${c.kind}`)}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('customers.email')}
              </Text>
              <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
                {c.email ?? '–'}
              </Text>
            </div>
            <div>
              <Text component="dt" size="sm" c="dimmed">
                {t('customers.phone')}
              </Text>
              <Text component="dd" m={0}>
                {c.phone ?? '–'}
              </Text>
            </div>
          </SimpleGrid>
        </Paper>
      </section>

      <section aria-labelledby="leases-heading">
        <Title order={2} size="h4" id="leases-heading" mb="xs">
          {t('customers.leases')}
        </Title>
        {c.leases.length === 0 ? (
          <Text c="dimmed">{t('customers.noLeases')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {c.leases.map((lease) => (
              <Paper component="li" key={lease.id} withBorder p="sm" radius="sm">
                <Text fw={600}>{lease.number}</Text>
                <Text size="sm">
                  {lease.address} · {t(`customers.unitType.${lease.unitType}`, { defaultValue: lease.unitType })}
                </Text>
              </Paper>
            ))}
          </Stack>
        )}
      </section>

      <section aria-labelledby="contacts-heading">
        <Title order={2} size="h4" id="contacts-heading" mb="xs">
          {t('contacts.heading')}
        </Title>
        {!portalEnabled && (
          <Alert color="yellow" variant="light" mb="sm">
            {t('contacts.portalOff')}
          </Alert>
        )}
        {c.contacts.length === 0 ? (
          <Text c="dimmed">{t('contacts.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {c.contacts.map((contact) => (
              <ContactRow
                key={contact.id}
                contact={contact}
                portalEnabled={portalEnabled}
                result={results[contact.id]}
                pending={pendingContact === contact.id}
                onInvite={() =>
                  invite.mutate(
                    { customerId: c.id, contactId: contact.id },
                    {
                      onSuccess: (sent) =>
                        setResults((r) => ({ ...r, [contact.id]: { ok: true, email: sent.email, expiresAt: sent.expiresAt } })),
                      onError: (error) => setResults((r) => ({ ...r, [contact.id]: { ok: false, message: errorMessage(t, error) } })),
                    },
                  )
                }
              />
            ))}
          </Stack>
        )}
      </section>

      <PortalUsers customerId={c.id} portalEnabled={portalEnabled} />
    </Stack>
  );
}

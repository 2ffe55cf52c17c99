import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { Contact, CustomerDetail } from '@portico/shared/contracts/customers';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { usePageTitle } from '@/components/page-heading';
import { errorMessage } from '@/lib/errors';
import { formatDate } from '@/lib/i18n';
import { useSetCustomerArchived } from '../api/archive-customer';
import { useDeleteCustomer } from '../api/delete-customer';
import { useCustomer } from '../api/get-customer';
import { useInviteContact } from '../api/invite-contact';
import { useRemoveContact } from '../api/save-contact';
import { ConfirmAction } from './confirm-action';
import { ContactForm } from './contact-form';
import { CustomerForm } from './customer-form';
import { PortalUsers } from './portal-users';

const STATE_COLORS: Record<Contact['portalState'], string> = { none: 'gray.7', invited: 'blue.9', registered: 'teal.9' };

type InviteResult = { ok: true; email: string; expiresAt: string } | { ok: false; message: string };

function ContactRow({
  customerId,
  contact,
  portalEnabled,
  canManage,
  result,
  pending,
  onInvite,
  history,
}: {
  customerId: string;
  contact: Contact;
  portalEnabled: boolean;
  canManage: boolean;
  result: InviteResult | undefined;
  pending: boolean;
  onInvite: () => void;
  history?: ReactNode;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<'view' | 'edit' | 'remove'>('view');
  const remove = useRemoveContact();
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
          {contact.portalEmail && contact.portalEmail !== contact.email && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('contacts.signsInWith', { email: contact.portalEmail })}
            </Text>
          )}
        </div>
        <Stack gap={4} align="flex-start">
          {canManage && mode === 'view' && (
            <Group gap={4}>
              <Button
                size="xs"
                variant="default"
                onClick={() => setMode('edit')}
                aria-label={t('contacts.editNamed', { name: contact.name })}
              >
                {t('contacts.edit')}
              </Button>
              <Button
                size="xs"
                variant="default"
                onClick={() => setMode('remove')}
                aria-label={t('contacts.removeNamed', { name: contact.name })}
              >
                {t('contacts.remove')}
              </Button>
            </Group>
          )}
          <Button
            size="xs"
            variant={contact.portalState === 'invited' ? 'default' : 'filled'}
            disabled={reason !== null || !canManage}
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
      {mode === 'edit' && (
        <ContactForm customerId={customerId} contact={contact} portalEnabled={portalEnabled} onDone={() => setMode('view')} />
      )}
      {mode === 'remove' && (
        <>
          <ErrorAlert error={remove.error} />
          <ConfirmAction
            message={t('contacts.removeConfirm', { name: contact.name })}
            confirmLabel={t('contacts.remove')}
            pending={remove.isPending}
            onConfirm={() => remove.mutate({ customerId, contactId: contact.id }, { onSuccess: () => setMode('view') })}
            onCancel={() => setMode('view')}
          />
        </>
      )}
      {history}
    </Paper>
  );
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function RecordActions({ customer, onDeleted }: { customer: CustomerDetail; onDeleted: () => void }) {
  const { t } = useTranslation();
  const [confirm, setConfirm] = useState<'archive' | 'restore' | 'delete' | null>(null);
  const archive = useSetCustomerArchived();
  const del = useDeleteCustomer();
  const archived = customer.archivedAt !== null;
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <Button variant="default" onClick={() => setConfirm(archived ? 'restore' : 'archive')}>
          {archived ? t('customers.restore') : t('customers.archive')}
        </Button>
        <Button variant="default" color="red.8" onClick={() => setConfirm('delete')}>
          {t('customers.delete')}
        </Button>
      </Group>
      <ErrorAlert error={archive.error ?? del.error} />
      {confirm === 'delete' ? (
        <ConfirmAction
          message={t('customers.deleteConfirm', { name: customer.name })}
          confirmLabel={t('customers.delete')}
          pending={del.isPending}
          onConfirm={() => del.mutate(customer.id, { onSuccess: onDeleted, onSettled: () => setConfirm(null) })}
          onCancel={() => setConfirm(null)}
        />
      ) : confirm ? (
        <ConfirmAction
          color={confirm === 'restore' ? 'blue' : 'red'}
          message={t(confirm === 'archive' ? 'customers.archiveConfirm' : 'customers.restoreConfirm', { name: customer.name })}
          confirmLabel={confirm === 'archive' ? t('customers.archive') : t('customers.restore')}
          pending={archive.isPending}
          onConfirm={() => archive.mutate({ customerId: customer.id, action: confirm }, { onSettled: () => setConfirm(null) })}
          onCancel={() => setConfirm(null)}
        />
      ) : null}
    </Stack>
  );
}

export function CustomerDetails({
  customerId,
  portalEnabled,
  canManage,
  history,
  contactHistory,
}: {
  customerId: string;
  portalEnabled: boolean;
  /** Managers and admins edit; finance reads (issue 9). */
  canManage: boolean;
  /** The customer's change history (composed by the route). */
  history?: ReactNode;
  contactHistory?: (contactId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const customer = useCustomer(customerId);
  const invite = useInviteContact();
  const [results, setResults] = useState<Record<string, InviteResult>>({});
  const [editing, setEditing] = useState(false);
  const [addingContact, setAddingContact] = useState(false);
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
  const address = [c.street, [c.postalCode, c.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/customers" size="sm">
          {t('customers.back')}
        </Anchor>
        <Group justify="space-between" align="flex-end" mt="xs" gap="sm">
          <Group gap="xs">
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {c.name}
            </Title>
            {c.archivedAt && (
              <Badge color="gray.8" variant="filled">
                {t('customers.archived')}
              </Badge>
            )}
          </Group>
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
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="details-heading">
            {t('customers.details')}
          </Title>
          {canManage && !editing && (
            <Button size="xs" variant="default" onClick={() => setEditing(true)}>
              {t('customers.edit')}
            </Button>
          )}
        </Group>
        <Paper withBorder p="md" radius="sm">
          {editing ? (
            <CustomerForm customer={c} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
              <Field label={t('customers.kindLabel')}>{t(`customers.kind.${c.kind}`)}</Field>
              <Field label={c.kind === 'person' ? t('customerForm.personalNumber') : t('customerForm.orgNumber')}>
                {c.identityNumber ?? '–'}
              </Field>
              <Field label={t('customers.email')}>{c.email ?? '–'}</Field>
              <Field label={t('customerForm.mobile')}>{c.phone ?? '–'}</Field>
              <Field label={t('customerForm.locale')}>
                {c.locale ? t(`common:language.${c.locale}`, { lng: c.locale }) : t('customerForm.localeDefault')}
              </Field>
              <Field label={t('customerForm.billingAddress')}>{address || '–'}</Field>
              {c.externalId && <Field label={t('customerForm.externalId')}>{c.externalId}</Field>}
            </SimpleGrid>
          )}
        </Paper>
        {canManage && (
          <div style={{ marginTop: 'var(--mantine-spacing-sm)' }}>
            <RecordActions customer={c} onDeleted={() => navigate('/customers', { replace: true })} />
          </div>
        )}
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
        <Group justify="space-between" mb="xs">
          <Title order={2} size="h4" id="contacts-heading">
            {t('contacts.heading')}
          </Title>
          {canManage && !addingContact && (
            <Button size="xs" variant="default" onClick={() => setAddingContact(true)}>
              {t('contacts.add')}
            </Button>
          )}
        </Group>
        {!portalEnabled && (
          <Alert color="yellow" variant="light" mb="sm">
            {t('contacts.portalOff')}
          </Alert>
        )}
        {addingContact && (
          <Paper withBorder p="sm" radius="sm" mb="sm">
            <ContactForm customerId={c.id} portalEnabled={portalEnabled} onDone={() => setAddingContact(false)} />
          </Paper>
        )}
        {c.contacts.length === 0 ? (
          <Text c="dimmed">{t('contacts.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {c.contacts.map((contact) => (
              <ContactRow
                key={contact.id}
                customerId={c.id}
                contact={contact}
                portalEnabled={portalEnabled}
                canManage={canManage}
                result={results[contact.id]}
                pending={pendingContact === contact.id}
                history={contactHistory?.(contact.id)}
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

      <PortalUsers customerId={c.id} portalEnabled={portalEnabled} canManage={canManage} />

      {history}
    </Stack>
  );
}

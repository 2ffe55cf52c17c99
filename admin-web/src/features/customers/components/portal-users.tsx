import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { type OrgMember, StaffOrgInviteBodySchema } from '@portico/shared/contracts/accounts';
import { PortalRoleSchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useId, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { usePortalUsers } from '../api/get-portal-users';
import { useInvitePortalUser } from '../api/invite-portal-user';
import { useManagePortalUser } from '../api/manage-portal-users';
import { ConfirmAction } from './confirm-action';

const STATE_COLORS: Record<OrgMember['state'], string> = { registered: 'teal.9', invited: 'blue.9', expired: 'red.9' };

function MemberActions({ customerId, member }: { customerId: string; member: OrgMember }) {
  const { t } = useTranslation();
  const manage = useManagePortalUser();
  const [confirm, setConfirm] = useState<'remove' | 'cancel' | null>(null);
  const [role, setRole] = useState(member.role);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();
  const ok = (message: string) => () => {
    setConfirm(null);
    setDone(message);
  };
  return (
    <Stack gap="xs" mt="xs">
      {member.kind === 'user' ? (
        <Group gap="xs" align="flex-end">
          <NativeSelect
            size="xs"
            id={`${id}-role`}
            label={t('portalUsers.roleLabel')}
            value={role}
            onChange={(event) => setRole(event.currentTarget.value as OrgMember['role'])}
            data={PortalRoleSchema.options.map((r) => ({ value: r, label: t(`portalUsers.role.${r}`) }))}
          />
          <Button
            size="xs"
            variant="default"
            disabled={role === member.role}
            loading={manage.isPending && manage.variables?.action === 'role'}
            onClick={() =>
              manage.mutate({ customerId, action: 'role', userId: member.id, role }, { onSuccess: ok(t('portalUsers.roleChanged')) })
            }
          >
            {t('portalUsers.changeRole')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => setConfirm('remove')}
            aria-label={t('portalUsers.removeNamed', { name: member.name })}
          >
            {t('portalUsers.remove')}
          </Button>
        </Group>
      ) : (
        <Group gap="xs">
          <Button
            size="xs"
            variant="default"
            loading={manage.isPending && manage.variables?.action === 'resend'}
            onClick={() =>
              manage.mutate(
                { customerId, action: 'resend', invitationId: member.id },
                { onSuccess: ok(t('portalUsers.resent', { email: member.email })) },
              )
            }
            aria-label={t('portalUsers.resendNamed', { email: member.email })}
          >
            {t('portalUsers.resend')}
          </Button>
          <Button
            size="xs"
            variant="default"
            onClick={() => setConfirm('cancel')}
            aria-label={t('portalUsers.cancelNamed', { email: member.email })}
          >
            {t('portalUsers.cancelInvitation')}
          </Button>
        </Group>
      )}
      <ErrorAlert error={manage.error} />
      <div aria-live="polite">
        {done && !manage.isPending && !manage.error && (
          <Text size="sm" c="teal.9">
            {done}
          </Text>
        )}
      </div>
      {confirm === 'remove' && (
        <ConfirmAction
          message={t('portalUsers.removeConfirm', { name: member.name })}
          confirmLabel={t('portalUsers.remove')}
          pending={manage.isPending}
          onConfirm={() => manage.mutate({ customerId, action: 'remove', userId: member.id }, { onSuccess: ok(t('portalUsers.removed')) })}
          onCancel={() => setConfirm(null)}
        />
      )}
      {confirm === 'cancel' && (
        <ConfirmAction
          message={t('portalUsers.cancelConfirm', { email: member.email })}
          confirmLabel={t('portalUsers.cancelInvitation')}
          pending={manage.isPending}
          onConfirm={() =>
            manage.mutate({ customerId, action: 'cancel', invitationId: member.id }, { onSuccess: ok(t('portalUsers.cancelled')) })
          }
          onCancel={() => setConfirm(null)}
        />
      )}
    </Stack>
  );
}

function MemberRow({ customerId, member, canManage }: { customerId: string; member: OrgMember; canManage: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group gap="xs">
        <Text fw={600} component="h3" size="md" m={0} style={{ overflowWrap: 'anywhere' }}>
          {member.name}
        </Text>
        <Badge color={STATE_COLORS[member.state]} variant="filled" size="sm">
          <VisuallyHidden>{t('portalUsers.stateLabel')}: </VisuallyHidden>
          {t(`portalUsers.state.${member.state}`)}
        </Badge>
      </Group>
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {member.email}
      </Text>
      <Text size="sm">
        <VisuallyHidden>{t('portalUsers.roleLabel')}: </VisuallyHidden>
        {t(`portalUsers.role.${member.role}`)}
      </Text>
      {canManage && <MemberActions customerId={customerId} member={member} />}
    </Paper>
  );
}

/** The contract's invitation; the customer comes from the page. */
const FormSchema = StaffOrgInviteBodySchema.pick({ name: true, email: true, role: true });
const { shape } = FormSchema;

function InviteForm({ customerId, portalEnabled }: { customerId: string; portalEnabled: boolean }) {
  const { t } = useTranslation();
  const invite = useInvitePortalUser();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: { name: '', email: '', role: 'main_admin' },
  });
  const { isDirty } = form.formState;
  const fieldError = useFieldError(shape, form.formState.errors);
  const disabledId = `portal-invite-disabled-${customerId}`;

  return (
    <form
      noValidate
      aria-labelledby="portal-invite-heading"
      onSubmit={form.handleSubmit((values) => {
        setSentTo(null);
        invite.mutate(
          { customerId, ...values },
          {
            onSuccess: (member) => {
              form.reset();
              setSentTo(member.email);
            },
            onError: (error) => applyIssues(error, form.setError, ['name', 'email', 'role']),
          },
        );
      })}
    >
      <Stack maw={640} gap="sm">
        <Title order={3} size="h5" id="portal-invite-heading">
          {t('portalUsers.inviteHeading')}
        </Title>
        <Text size="sm">{t('portalUsers.inviteIntro')}</Text>
        {!portalEnabled && (
          <Alert color="yellow" variant="light" id={disabledId}>
            {t('portalUsers.portalOff')}
          </Alert>
        )}
        <ErrorAlert error={invite.error} />
        <div aria-live="polite">
          {sentTo && !isDirty && (
            <Alert color="green" variant="light">
              {t('portalUsers.sent', { email: sentTo })}
            </Alert>
          )}
        </div>
        <TextInput
          label={t('portalUsers.name')}
          required
          maxLength={maxLengthOf(shape.name)}
          autoComplete="off"
          disabled={!portalEnabled}
          error={fieldError('name')}
          {...form.register('name')}
        />
        <TextInput
          label={t('portalUsers.email')}
          type="email"
          required
          maxLength={maxLengthOf(shape.email)}
          autoComplete="off"
          disabled={!portalEnabled}
          error={fieldError('email')}
          {...form.register('email')}
        />
        <NativeSelect
          label={t('portalUsers.roleLabel')}
          description={t('portalUsers.roleHint')}
          disabled={!portalEnabled}
          error={fieldError('role')}
          data={PortalRoleSchema.options.map((role) => ({ value: role, label: t(`portalUsers.role.${role}`) }))}
          {...form.register('role')}
        />
        <Group>
          <Button
            type="submit"
            loading={invite.isPending}
            disabled={!portalEnabled}
            aria-describedby={portalEnabled ? undefined : disabledId}
          >
            {t('portalUsers.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Seed 002: the customer's portal users and open invitations; staff invite the designated contact before move-in. */
export function PortalUsers({ customerId, portalEnabled, canManage }: { customerId: string; portalEnabled: boolean; canManage: boolean }) {
  const { t } = useTranslation();
  const users = usePortalUsers(customerId);
  return (
    <section aria-labelledby="portal-users-heading">
      <Title order={2} size="h4" id="portal-users-heading" mb="xs">
        {t('portalUsers.heading')}
      </Title>
      <Stack gap="md">
        {users.isPending ? (
          <Loading />
        ) : users.isError ? (
          <ErrorAlert error={users.error} />
        ) : users.data.items.length === 0 ? (
          <Text c="dimmed">{t('portalUsers.none')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="portal-users-heading">
            {users.data.items.map((member) => (
              <MemberRow key={`${member.kind}-${member.id}`} customerId={customerId} member={member} canManage={canManage} />
            ))}
          </Stack>
        )}
        {canManage && <InviteForm customerId={customerId} portalEnabled={portalEnabled} />}
      </Stack>
    </section>
  );
}

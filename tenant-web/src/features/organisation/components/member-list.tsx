import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text } from '@mantine/core';
import type { OrgMember } from '@portico/shared/contracts/accounts';
import { type PortalRole, PortalRoleSchema } from '@portico/shared/contracts/auth';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '@/components/confirm-dialog';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { isAtOrBelow, rolesAtOrBelow } from '@/lib/roles';
import { useCancelInvitation } from '../api/cancel-invitation';
import { useMembers } from '../api/get-members';
import { useRemoveMember } from '../api/remove-member';
import { useResendInvitation } from '../api/resend-invitation';
import { useUpdateMemberRole } from '../api/update-member-role';

type Notice = { ok: boolean; text: string } | null;
type Pending = { action: 'remove' | 'cancel'; member: OrgMember } | null;

/** Light badges with dark text: white on a filled green is below 4.5:1. */
const STATE_COLOR: Record<OrgMember['state'], string> = { registered: 'green', invited: 'blue', expired: 'orange' };

/** Users and open invitations of the current customer, with the actions the user's role allows (seed 002). */
export function MemberList({ customerId, myRole }: { customerId: string; myRole: PortalRole }) {
  const { t } = useTranslation();
  const members = useMembers(customerId);
  const updateRole = useUpdateMemberRole();
  const remove = useRemoveMember();
  const resend = useResendInvitation();
  const cancel = useCancelInvitation();
  const [notice, setNotice] = useState<Notice>(null);
  const [pending, setPending] = useState<Pending>(null);

  if (members.isPending) return <PageLoader />;
  if (members.isError) {
    return (
      <Alert color="red" role="alert">
        {errorText(t, members.error)}
      </Alert>
    );
  }

  const failed = (member: OrgMember) => (error: unknown) =>
    setNotice({ ok: false, text: t('organisation.failedFor', { name: member.name, error: errorText(t, error) }) });
  const roleName = (role: PortalRole) => t(`roles.${role}`);

  const changeRole = (member: OrgMember, value: string) => {
    const parsed = PortalRoleSchema.safeParse(value);
    if (!parsed.success || parsed.data === member.role) return;
    setNotice(null);
    updateRole.mutate(
      { userId: member.id, role: parsed.data },
      {
        onSuccess: () => setNotice({ ok: true, text: t('organisation.roleChanged', { name: member.name, role: roleName(parsed.data) }) }),
        onError: failed(member),
      },
    );
  };

  const resendInvitation = (member: OrgMember) => {
    setNotice(null);
    resend.mutate(
      { invitationId: member.id },
      { onSuccess: () => setNotice({ ok: true, text: t('organisation.resent', { email: member.email }) }), onError: failed(member) },
    );
  };

  const confirmPending = () => {
    if (!pending) return;
    const { action, member } = pending;
    setNotice(null);
    const done = {
      onSuccess: () => {
        setPending(null);
        setNotice({ ok: true, text: t(action === 'remove' ? 'organisation.removed' : 'organisation.cancelled', { name: member.name }) });
      },
      onError: (error: unknown) => {
        setPending(null);
        failed(member)(error);
      },
    };
    if (action === 'remove') remove.mutate({ userId: member.id }, done);
    else cancel.mutate({ invitationId: member.id }, done);
  };

  const { items } = members.data;

  return (
    <Stack gap="sm">
      <div aria-live="polite">
        {notice && (
          <Alert color={notice.ok ? 'green' : 'red'} variant="light" title={notice.ok ? undefined : t('error.title')}>
            {notice.text}
          </Alert>
        )}
      </div>
      {items.length === 0 ? (
        <Text c="gray.7">{t('organisation.empty')}</Text>
      ) : (
        <ul className="plain-list">
          {items.map((member) => {
            const manageable = !member.isMe && isAtOrBelow(member.role, myRole);
            return (
              <li key={`${member.kind}-${member.id}`}>
                <Paper withBorder p="sm" radius="md">
                  <Group justify="space-between" align="flex-start" gap="sm">
                    <Stack gap={4} style={{ minWidth: 0, flex: '1 1 14rem' }}>
                      <Text fw={600} className="break-anywhere">
                        {member.name}
                        {member.isMe && ` ${t('organisation.you')}`}
                      </Text>
                      <Text size="sm" c="gray.7" className="break-anywhere">
                        {member.email}
                      </Text>
                      <div>
                        <Badge color={STATE_COLOR[member.state]} variant="light" c="gray.9" size="sm">
                          {t(`organisation.state.${member.state}`)}
                        </Badge>
                      </div>
                    </Stack>
                    <Stack gap="xs" style={{ flex: '1 1 14rem' }}>
                      {member.kind === 'user' && isAtOrBelow(member.role, myRole) ? (
                        <NativeSelect
                          label={t('organisation.role')}
                          aria-label={t('organisation.roleFor', { name: member.name })}
                          value={member.role}
                          disabled={updateRole.isPending && updateRole.variables?.userId === member.id}
                          onChange={(event) => changeRole(member, event.currentTarget.value)}
                          data={rolesAtOrBelow(myRole).map((role) => ({ value: role, label: roleName(role) }))}
                        />
                      ) : (
                        <Text size="sm">
                          {t('organisation.role')}: {roleName(member.role)}
                        </Text>
                      )}
                      <Group gap="xs">
                        {member.kind === 'user' && manageable && (
                          <Button
                            size="xs"
                            variant="default"
                            aria-label={t('organisation.removeName', { name: member.name })}
                            onClick={() => setPending({ action: 'remove', member })}
                          >
                            {t('organisation.remove')}
                          </Button>
                        )}
                        {member.kind === 'invitation' && isAtOrBelow(member.role, myRole) && (
                          <>
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={t('organisation.resendName', { name: member.name })}
                              loading={resend.isPending && resend.variables?.invitationId === member.id}
                              onClick={() => resendInvitation(member)}
                            >
                              {t('organisation.resend')}
                            </Button>
                            <Button
                              size="xs"
                              variant="default"
                              aria-label={t('organisation.cancelName', { name: member.name })}
                              onClick={() => setPending({ action: 'cancel', member })}
                            >
                              {t('organisation.cancel')}
                            </Button>
                          </>
                        )}
                      </Group>
                    </Stack>
                  </Group>
                </Paper>
              </li>
            );
          })}
        </ul>
      )}
      <ConfirmDialog
        opened={pending !== null}
        title={
          pending
            ? t(pending.action === 'remove' ? 'organisation.confirmRemoveTitle' : 'organisation.confirmCancelTitle', {
                name: pending.member.name,
              })
            : ''
        }
        text={
          pending
            ? t(pending.action === 'remove' ? 'organisation.confirmRemoveText' : 'organisation.confirmCancelText', {
                email: pending.member.email,
              })
            : ''
        }
        confirmLabel={pending?.action === 'cancel' ? t('organisation.cancel') : t('organisation.remove')}
        cancelLabel={pending?.action === 'cancel' ? t('organisation.keep') : undefined}
        loading={remove.isPending || cancel.isPending}
        onConfirm={confirmPending}
        onCancel={() => setPending(null)}
      />
    </Stack>
  );
}

import { Alert, Badge, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { type StaffRole, StaffRoleSchema } from '@portico/shared/contracts/auth';
import { StaffPatchSchema, type StaffUser } from '@portico/shared/contracts/staff';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { type StaffAction, useStaffAction, useUpdateStaff } from '../api/change-staff';
import { useStaffUser } from '../api/get-staff-users';
import { statusColour } from './staff-list';

/** A button that asks once more before it acts (deactivate, cancel an invitation). */
function ConfirmButton({
  label,
  question,
  onConfirm,
  loading,
}: {
  label: string;
  question: string;
  onConfirm: () => void;
  loading: boolean;
}) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <Button variant="outline" color="red.9" onClick={() => setAsking(true)}>
        {label}
      </Button>
    );
  }
  return (
    <Paper withBorder p="sm" role="alertdialog" aria-label={label}>
      <Text size="sm" mb="xs">
        {question}
      </Text>
      <Group gap="xs">
        <Button color="red.9" loading={loading} onClick={onConfirm}>
          {t('staff.detail.confirm')}
        </Button>
        <Button variant="default" onClick={() => setAsking(false)}>
          {t('staff.detail.keep')}
        </Button>
      </Group>
    </Paper>
  );
}

function Details({ user, selfId }: { user: StaffUser; selfId: string | undefined }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateStaff();
  const action = useStaffAction();
  const [role, setRole] = useState<StaffRole>(user.role);
  const [phone, setPhone] = useState(user.phone ?? '');
  const [phoneError, setPhoneError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const self = user.id === selfId;
  const date = (iso: string) => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
  const run = (name: StaffAction, done?: string) => {
    setNotice(null);
    action.mutate({ staffId: user.id, action: name }, { onSuccess: () => setNotice(done ?? null) });
  };

  return (
    <Stack maw={640}>
      <Group gap="xs">
        <Title order={2} size="h3">
          {user.name}
        </Title>
        <Badge variant="light" color={statusColour[user.status]}>
          {t(`staff.states.${user.status}`)}
        </Badge>
      </Group>
      <Text style={{ overflowWrap: 'anywhere' }}>
        {t('staff.detail.email')}: {user.email}
      </Text>
      <Text>
        {t('staff.detail.phone')}: {user.phone ?? '–'}
      </Text>
      {user.status === 'invited' && (
        <Text size="sm">
          {user.invitationExpiresAt
            ? t('staff.detail.invitationExpires', { date: date(user.invitationExpiresAt) })
            : t('staff.detail.noOpenInvitation')}
        </Text>
      )}
      {user.deactivatedAt && <Text size="sm">{t('staff.detail.deactivatedAt', { date: date(user.deactivatedAt) })}</Text>}
      <ErrorAlert error={update.error ?? action.error} />
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      {self && (
        <Alert color="blue" variant="light">
          {t('staff.detail.self')}
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          update.mutate({ staffId: user.id, patch: { role } }, { onSuccess: () => setNotice(t('staff.detail.roleSaved')) });
        }}
      >
        <Group align="end" gap="xs">
          <NativeSelect
            label={t('staff.role')}
            value={role}
            disabled={self}
            onChange={(event) => setRole(event.currentTarget.value as StaffRole)}
            data={StaffRoleSchema.options.map((r) => ({ value: r, label: t(`staff.roles.${r}`) }))}
          />
          <Button type="submit" variant="default" disabled={self || role === user.role} loading={update.isPending}>
            {t('staff.detail.saveRole')}
          </Button>
        </Group>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setNotice(null);
          const value = phone.trim() === '' ? null : phone.trim();
          const parsed = StaffPatchSchema.shape.phone.safeParse(value);
          setPhoneError(parsed.success ? null : t('staff.detail.phoneInvalid'));
          if (!parsed.success) return;
          update.mutate(
            { staffId: user.id, patch: { phone: value } },
            {
              onSuccess: (saved) => {
                setPhone(saved.phone ?? '');
                setNotice(t('staff.detail.phoneSaved'));
              },
            },
          );
        }}
      >
        <Group align="start" gap="xs">
          <TextInput
            label={t('staff.detail.phone')}
            description={t('staff.detail.phoneHint')}
            type="tel"
            autoComplete="off"
            value={phone}
            error={phoneError}
            onChange={(event) => setPhone(event.currentTarget.value)}
          />
          <Button type="submit" variant="default" mt={46} disabled={phone.trim() === (user.phone ?? '')} loading={update.isPending}>
            {t('staff.detail.savePhone')}
          </Button>
        </Group>
      </form>
      {!self && (
        <Group gap="xs" align="start">
          {user.status === 'invited' && (
            <>
              <Button variant="default" loading={action.isPending} onClick={() => run('invitation/resend', t('staff.detail.resent'))}>
                {t('staff.detail.resend')}
              </Button>
              <ConfirmButton
                label={t('staff.detail.cancelInvitation')}
                question={t('staff.detail.cancelConfirm', { email: user.email })}
                loading={action.isPending}
                onConfirm={() => run('invitation/cancel')}
              />
            </>
          )}
          {user.status === 'active' && (
            <ConfirmButton
              label={t('staff.detail.deactivate')}
              question={t('staff.detail.deactivateConfirm', { name: user.name })}
              loading={action.isPending}
              onConfirm={() => run('deactivate')}
            />
          )}
          {user.status === 'deactivated' && (
            <Button variant="default" loading={action.isPending} onClick={() => run('reactivate')}>
              {t('staff.detail.reactivate')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

export function StaffDetails({ staffId, selfId }: { staffId: string; selfId: string | undefined }) {
  const user = useStaffUser(staffId);
  if (user.isPending) return <Loading />;
  if (user.isError) return <ErrorAlert error={user.error} />;
  return <Details key={`${user.data.id}:${user.data.role}`} user={user.data} selfId={selfId} />;
}

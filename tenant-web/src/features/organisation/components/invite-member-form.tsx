import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { OrgInviteBodySchema } from '@portico/shared/contracts/accounts';
import type { PortalRole } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { blankAsMissing } from '@/lib/form';
import { rolesAtOrBelow } from '@/lib/roles';
import { useInviteMember } from '../api/invite-member';

/** Left empty, the address is "required" rather than "not an e-mail address". */
const InviteFormSchema = OrgInviteBodySchema.extend({ email: blankAsMissing(OrgInviteBodySchema.shape.email) });

/** Invite someone to the organisation with a role at or below one's own (seed 002). */
export function InviteMemberForm({ myRole }: { myRole: PortalRole }) {
  const { t } = useTranslation();
  const invite = useInviteMember();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const roles = rolesAtOrBelow(myRole);
  const form = useForm({
    resolver: zodResolver(InviteFormSchema, { error: formIssueKey }),
    defaultValues: { email: '', name: '', role: roles[roles.length - 1] ?? 'user' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => {
    setSentTo(null);
    invite.mutate(values, {
      onSuccess: (member) => {
        setSentTo(member.email);
        form.reset();
      },
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={invite.error} />
        <div aria-live="polite">
          {sentTo && (
            <Alert color="green" variant="light">
              {t('organisation.invited', { email: sentTo })}
            </Alert>
          )}
        </div>
        <TextInput
          label={t('organisation.email')}
          type="email"
          inputMode="email"
          autoComplete="off"
          error={errors.email?.message && t(errors.email.message)}
          {...form.register('email')}
        />
        <TextInput
          label={t('organisation.name')}
          autoComplete="off"
          error={errors.name?.message && t(errors.name.message)}
          {...form.register('name')}
        />
        <NativeSelect
          label={t('organisation.role')}
          data={roles.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
          {...form.register('role')}
        />
        <div>
          <Button type="submit" loading={invite.isPending}>
            {t('organisation.invite')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

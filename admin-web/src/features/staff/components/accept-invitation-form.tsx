import { zodResolver } from '@hookform/resolvers/zod';
import { Button, PasswordInput, Stack, Text } from '@mantine/core';
import type { StaffMe } from '@portico/shared/contracts/auth';
import { StaffInvitationAcceptSchema, type StaffInvitationPreview } from '@portico/shared/contracts/staff';
import { formIssueKey } from '@portico/shared/form-issues';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@portico/shared/password-policy';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useFieldError } from '@/lib/form';
import { useAcceptStaffInvitation } from '../api/staff-invitation';

const { password } = StaffInvitationAcceptSchema.shape;
const FormSchema = StaffInvitationAcceptSchema.pick({ password: true })
  .extend({ repeat: password })
  .refine((v) => [...v.password].length <= PASSWORD_MAX_LENGTH, { path: ['password'], message: 'errors:password_too_long' })
  .refine((v) => v.password === v.repeat, { path: ['repeat'], message: 'staff.accept.mismatch' });

/** The invited colleague chooses a password under the landlord's policy (the preview names it) and is signed in. */
export function AcceptInvitationForm({
  token,
  preview,
  onAccepted,
}: {
  token: string;
  preview: StaffInvitationPreview;
  onAccepted: (me: StaffMe) => void;
}) {
  const { t } = useTranslation();
  const accept = useAcceptStaffInvitation();
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: { password: '', repeat: '' } });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);
  const hint = t(preview.passwordPolicy === 'classic' ? 'staff.accept.hintClassic' : 'staff.accept.hintStandard', {
    min: PASSWORD_MIN_LENGTH[preview.passwordPolicy],
  });
  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => accept.mutate({ token, body: { password: values.password } }, { onSuccess: onAccepted }))}
    >
      <Stack>
        <Text>{t('staff.accept.intro', { email: preview.email })}</Text>
        <ErrorAlert error={accept.error} policy={preview.passwordPolicy} />
        <input type="email" name="username" autoComplete="username" value={preview.email} readOnly hidden />
        <PasswordInput
          label={t('staff.accept.password')}
          description={hint}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={fieldError('password', { values: { max: PASSWORD_MAX_LENGTH } })}
          {...form.register('password')}
        />
        <PasswordInput
          label={t('staff.accept.repeat')}
          autoComplete="new-password"
          visibilityToggleButtonProps={{ 'aria-label': t('auth.toggleVisibility') }}
          required
          error={fieldError('repeat')}
          {...form.register('repeat')}
        />
        <Button type="submit" loading={accept.isPending}>
          {t('staff.accept.submit')}
        </Button>
      </Stack>
    </form>
  );
}

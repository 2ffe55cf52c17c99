import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { type PortalMe, UpdateProfileBodySchema } from '@portico/shared/contracts/auth';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { blankAsMissing, formIssueKeyWithHints } from '@/lib/form';
import { useUpdateProfile } from '../api/update-profile';

/** The contract's name and phone; a phone left empty is removed (sent as null). */
const ProfileFormSchema = UpdateProfileBodySchema.pick({ name: true }).extend({
  phone: blankAsMissing(UpdateProfileBodySchema.shape.phone),
});
/** A phone number of the wrong shape gets the hint with an example. */
const profileIssueKey = formIssueKeyWithHints({ phone: 'validation.phone' });

/** Name and mobile number; the e-mail address changes through its own form (activation mail). */
export function ProfileForm({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const update = useUpdateProfile();
  const form = useForm({
    resolver: zodResolver(ProfileFormSchema, { error: profileIssueKey }),
    defaultValues: { name: me.name, phone: me.phone ?? '' },
  });
  const { errors } = form.formState;
  const issues = fieldIssues(update.error);
  const fieldError = (field: 'name' | 'phone') => {
    const message = errors[field]?.message;
    if (message) return t(message);
    return issues.has(field) ? t('validation.invalid') : undefined;
  };

  const submit = form.handleSubmit(({ name, phone }) =>
    update.mutate({ name, phone: phone ?? null }, { onSuccess: (saved) => form.reset({ name: saved.name, phone: saved.phone ?? '' }) }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={480}>
        <FormError error={update.error} />
        <TextInput
          label={t('settings.profile.email')}
          value={me.email}
          readOnly
          autoComplete="email"
          description={t('settings.profile.emailHint')}
        />
        {me.username && <TextInput label={t('settings.profile.username')} value={me.username} readOnly autoComplete="username" />}
        <TextInput label={t('settings.profile.name')} autoComplete="name" error={fieldError('name')} {...form.register('name')} />
        <TextInput
          label={t('settings.profile.phone')}
          description={t('signup.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          error={fieldError('phone')}
          {...form.register('phone')}
        />
        <div aria-live="polite">
          {update.isSuccess && update.variables?.name !== undefined && (
            <Alert color="green" variant="light">
              {t('settings.profile.saved')}
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" loading={update.isPending}>
            {t('settings.save')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { EmailChangeBodySchema } from '@portico/shared/contracts/accounts';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { blankAsMissing } from '@/lib/form';
import { useRequestEmailChange } from '../api/request-email-change';

/** Left empty, the new address is "required" rather than "not an e-mail address". */
const EmailChangeFormSchema = EmailChangeBodySchema.extend({ newEmail: blankAsMissing(EmailChangeBodySchema.shape.newEmail) });

/** Seed 004: a new address takes effect once the activation mail sent to it is followed. */
export function EmailChangeForm({ me }: { me: PortalMe }) {
  const { t } = useTranslation();
  const request = useRequestEmailChange();
  const form = useForm({
    resolver: zodResolver(EmailChangeFormSchema, { error: formIssueKey }),
    defaultValues: { newEmail: '', password: '' },
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((values) => request.mutate(values, { onSuccess: () => form.reset() }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={480}>
        <Text>{t('settings.email.current', { email: me.email })}</Text>
        <div aria-live="polite">
          {me.pendingEmail && (
            <Alert color="blue" variant="light">
              {t('settings.email.pending', { email: me.pendingEmail })}
            </Alert>
          )}
        </div>
        <FormError error={request.error} />
        <TextInput
          label={t('settings.email.new')}
          type="email"
          inputMode="email"
          autoComplete="email"
          error={errors.newEmail?.message && t(errors.newEmail.message)}
          {...form.register('newEmail')}
        />
        <TextInput
          label={t('settings.email.password')}
          type="password"
          autoComplete="current-password"
          error={errors.password?.message && t(errors.password.message)}
          {...form.register('password')}
        />
        <Text size="sm" c="gray.7">
          {t('settings.email.note')}
        </Text>
        <div>
          <Button type="submit" loading={request.isPending}>
            {t('settings.email.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

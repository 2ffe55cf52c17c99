import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Text, TextInput } from '@mantine/core';
import { ChangePasswordBodySchema } from '@portico/shared/contracts/accounts';
import { formIssueKey } from '@portico/shared/form-issues';
import { useId } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { errorParams, errorText } from '@/lib/errors';
import { useChangePassword } from '../api/change-password';
import { useMe } from '../api/get-me';
import { policiesOfMe } from '../utils/password-policies';
import { isPasswordError } from '../utils/policy-from-error';
import { PasswordHints } from './password-hints';

/** The contract's two passwords, and the form's own repetition of the new one. */
const ChangePasswordFormSchema = ChangePasswordBodySchema.extend({ confirm: z.string().min(1) }).refine(
  (v) => v.newPassword === v.confirm,
  { path: ['confirm'], message: 'validation.passwordMismatch' },
);

/** Seed 004. The API signs out every other device; this one stays signed in. */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useTranslation();
  const hintsId = useId();
  const change = useChangePassword();
  const form = useForm({
    resolver: zodResolver(ChangePasswordFormSchema, { error: formIssueKey }),
    defaultValues: { currentPassword: '', newPassword: '', confirm: '' },
  });
  const { errors } = form.formState;
  const newPassword = form.watch('newPassword');
  // Every landlord's policy the person answers to, as the API checks them.
  const policies = policiesOfMe(useMe().data);
  const policy = policies.includes('classic') ? 'classic' : policies[0]!;
  const params = errorParams(policy);
  const newPasswordError =
    (errors.newPassword?.message && t(errors.newPassword.message, params)) ||
    (isPasswordError(change.error) ? errorText(t, change.error, policy) : undefined);

  const submit = form.handleSubmit(({ currentPassword, newPassword }) =>
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          form.reset();
          onChanged?.();
        },
      },
    ),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md" maw={480}>
        {/* A password error is shown at the new-password field only. */}
        <FormError error={isPasswordError(change.error) ? null : change.error} policy={policy} />
        <TextInput
          label={t('settings.password.current')}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message && t(errors.currentPassword.message)}
          {...form.register('currentPassword')}
        />
        <TextInput
          label={t('settings.password.new')}
          type="password"
          autoComplete="new-password"
          aria-describedby={newPasswordError ? undefined : hintsId}
          error={newPasswordError}
          {...form.register('newPassword')}
        />
        <PasswordHints id={hintsId} password={newPassword} policies={policies} fieldHasError={Boolean(newPasswordError)} />
        <TextInput
          label={t('settings.password.confirm')}
          type="password"
          autoComplete="new-password"
          error={errors.confirm?.message && t(errors.confirm.message)}
          {...form.register('confirm')}
        />
        <Text size="sm" c="gray.7">
          {t('settings.password.note')}
        </Text>
        <div aria-live="polite">
          {change.isSuccess && (
            <Alert color="green" variant="light">
              {t('settings.password.changed')}
            </Alert>
          )}
        </div>
        <div>
          <Button type="submit" loading={change.isPending}>
            {t('settings.password.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

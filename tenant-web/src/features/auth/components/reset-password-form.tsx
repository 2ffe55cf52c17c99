import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextInput } from '@mantine/core';
import { PasswordResetConfirmSchema } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { errorParams } from '@/lib/errors';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { policyFromError } from '../utils/policy-from-error';

/** The contract's password (the token comes from the link), and the form's own repetition of it. */
const ResetFormSchema = PasswordResetConfirmSchema.pick({ password: true })
  .extend({ confirm: z.string().min(1) })
  .refine((v) => v.password === v.confirm, { path: ['confirm'], message: 'validation.passwordMismatch' });

export function ResetPasswordForm({ token, onSuccess }: { token: string; onSuccess: () => void }) {
  const { t } = useTranslation();
  const confirm = useConfirmPasswordReset();
  const form = useForm({ resolver: zodResolver(ResetFormSchema, { error: formIssueKey }), defaultValues: { password: '', confirm: '' } });
  const { errors } = form.formState;
  const submitted = confirm.variables?.password ?? '';
  const policy = policyFromError(confirm.error, submitted);

  return (
    <form onSubmit={form.handleSubmit(({ password }) => confirm.mutate({ token, password }, { onSuccess }))} noValidate>
      <Stack gap="md">
        <FormError error={confirm.error} policy={policy} />
        <TextInput
          label={t('reset.password')}
          type="password"
          autoComplete="new-password"
          error={errors.password?.message && t(errors.password.message, errorParams(policy))}
          {...form.register('password')}
        />
        <TextInput
          label={t('reset.confirm')}
          type="password"
          autoComplete="new-password"
          error={errors.confirm?.message && t(errors.confirm.message)}
          {...form.register('confirm')}
        />
        <Button type="submit" loading={confirm.isPending}>
          {t('reset.submit')}
        </Button>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextInput } from '@mantine/core';
import { InvitationAcceptSchema, type InvitationPreview } from '@portico/shared/contracts/auth';
import { formIssueKey } from '@portico/shared/form-issues';
import { checkPasswordShape } from '@portico/shared/password-policy';
import { useId, useMemo } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { errorParams, fieldIssues } from '@/lib/errors';
import { useAcceptInvitation } from '../api/accept-invitation';
import { PasswordHints } from './password-hints';

type Accepted = { threadId: string | null };

export function InvitationForm({
  token,
  invitation,
  onSuccess,
}: {
  token: string;
  invitation: InvitationPreview;
  onSuccess: (a: Accepted) => void;
}) {
  const { t } = useTranslation();
  const hintsId = useId();
  const accept = useAcceptInvitation();
  const policy = invitation.passwordPolicy;
  const isNew = !invitation.existingUser;

  const schema = useMemo(
    () =>
      // The contract's name and password; a new account also repeats the password and meets the policy.
      InvitationAcceptSchema.extend({ confirm: z.string() }).superRefine((v, ctx) => {
        if (!isNew) return;
        const problem = v.password ? checkPasswordShape(v.password, policy) : null;
        if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: `errors:${problem}` });
        if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'validation.passwordMismatch' });
      }),
    [isNew, policy],
  );

  const form = useForm({
    resolver: zodResolver(schema, { error: formIssueKey }),
    defaultValues: { name: invitation.name, password: '', confirm: '' },
  });
  const { errors } = form.formState;
  const password = form.watch('password');
  const params = errorParams(policy);
  const issues = fieldIssues(accept.error);

  const submit = form.handleSubmit(({ name, password }) =>
    accept.mutate({ token, name, password }, { onSuccess: (accepted) => onSuccess({ threadId: accepted.threadId }) }),
  );

  const fieldError = (field: 'name' | 'password' | 'confirm') => {
    const message = errors[field]?.message;
    if (message) return t(message, params);
    return issues.has(field) ? t('validation.invalid') : undefined;
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={accept.error} policy={policy} />
        <TextInput label={t('invitation.email')} value={invitation.email} readOnly autoComplete="username" />
        <TextInput label={t('invitation.name')} autoComplete="name" error={fieldError('name')} {...form.register('name')} />
        <TextInput
          label={t('invitation.password')}
          type="password"
          autoComplete={isNew ? 'new-password' : 'current-password'}
          aria-describedby={isNew ? hintsId : undefined}
          error={fieldError('password')}
          {...form.register('password')}
        />
        {isNew && <PasswordHints id={hintsId} password={password} policies={[policy]} fieldHasError={Boolean(fieldError('password'))} />}
        {isNew && (
          <TextInput
            label={t('invitation.confirm')}
            type="password"
            autoComplete="new-password"
            error={fieldError('confirm')}
            {...form.register('confirm')}
          />
        )}
        <Button type="submit" loading={accept.isPending}>
          {isNew ? t('invitation.submit') : t('invitation.submitExisting')}
        </Button>
      </Stack>
    </form>
  );
}

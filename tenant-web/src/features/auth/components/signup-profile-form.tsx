import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Stack, TextInput } from '@mantine/core';
import { SignupCompleteBodySchema, type SignupVerified } from '@portico/shared/contracts/accounts';
import type { PortalMe } from '@portico/shared/contracts/auth';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { blankAsMissing, formIssueKeyWithHints } from '@/lib/form';
import { useCompleteSignup } from '../api/complete-signup';

/** The contract's fields (the sign-up id comes from the step before); empty inputs are "not given". */
const ProfileFormSchema = SignupCompleteBodySchema.extend({
  email: blankAsMissing(SignupCompleteBodySchema.shape.email),
  phone: blankAsMissing(SignupCompleteBodySchema.shape.phone),
});
/** A phone number of the wrong shape gets the hint with an example. */
const profileIssueKey = formIssueKeyWithHints({ phone: 'validation.phone' });

/** Step 4 (seed 001: "complete your details"): prefilled with what the landlord has on record. */
export function SignupProfileForm({
  signupId,
  profile,
  onCompleted,
}: {
  signupId: string;
  profile: SignupVerified['profile'] | undefined;
  onCompleted: (me: PortalMe) => void;
}) {
  const { t } = useTranslation();
  const complete = useCompleteSignup();
  const form = useForm({
    resolver: zodResolver(ProfileFormSchema, { error: profileIssueKey }),
    defaultValues: { name: profile?.name ?? '', email: profile?.email ?? '', phone: profile?.phone ?? '' },
  });
  const { errors } = form.formState;
  const issues = fieldIssues(complete.error);

  const fieldError = (field: 'name' | 'email' | 'phone') => {
    const message = errors[field]?.message;
    if (message) return t(message);
    return issues.has(field) ? t('validation.invalid') : undefined;
  };

  const submit = form.handleSubmit(({ name, email, phone }) =>
    complete.mutate({ signupId, name, email, ...(phone ? { phone } : {}) }, { onSuccess: onCompleted }),
  );

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={complete.error} />
        <TextInput label={t('signup.name')} autoComplete="name" error={fieldError('name')} {...form.register('name')} />
        <TextInput
          label={t('signup.email')}
          type="email"
          inputMode="email"
          autoComplete="email"
          error={fieldError('email')}
          {...form.register('email')}
        />
        <TextInput
          label={t('signup.phone')}
          description={t('signup.phoneHint')}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          error={fieldError('phone')}
          {...form.register('phone')}
        />
        <Button type="submit" loading={complete.isPending}>
          {t('signup.complete')}
        </Button>
      </Stack>
    </form>
  );
}

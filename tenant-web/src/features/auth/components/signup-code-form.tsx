import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import {
  type SignupCodeSent,
  type SignupVerified,
  SignupVerifyBodySchema,
  type VerificationChannel,
} from '@portico/shared/contracts/accounts';
import { ApiRequestError } from '@portico/shared/http';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { blankAsMissing, formIssueKeyWithHints } from '@/lib/form';
import { formatDateTime } from '@/lib/format';
import { useSendSignupCode } from '../api/send-signup-code';
import { useVerifySignup } from '../api/verify-signup';

/** The contract's typed-code variant (the other one is the e-mailed link's token). */
const CodeBodySchema = SignupVerifyBodySchema.options[0];
const CodeFormSchema = CodeBodySchema.extend({ code: blankAsMissing(CodeBodySchema.shape.code) });
/** A code of the wrong shape gets "Enter the 6 digits from the message". */
const codeIssueKey = formIssueKeyWithHints({ code: 'signup.codeFormat' });

/** Step 3: the 6-digit code from the e-mail or SMS (the e-mail's link skips this step). */
export function SignupCodeForm({
  signupId,
  channel,
  sent,
  onVerified,
  onResent,
  onChooseChannel,
}: {
  signupId: string;
  channel: VerificationChannel;
  sent: SignupCodeSent | undefined;
  onVerified: (verified: SignupVerified) => void;
  onResent: (sent: SignupCodeSent) => void;
  onChooseChannel: (() => void) | undefined;
}) {
  const { t, i18n } = useTranslation();
  const verify = useVerifySignup();
  const resend = useSendSignupCode();
  const form = useForm({ resolver: zodResolver(CodeFormSchema, { error: codeIssueKey }), defaultValues: { code: '' } });
  const { errors } = form.formState;
  const expired = verify.error instanceof ApiRequestError && verify.error.code === 'signup_expired';

  const submit = form.handleSubmit(({ code }) => verify.mutate({ signupId, body: { code } }, { onSuccess: onVerified }));
  const sendAgain = () => {
    verify.reset();
    resend.mutate({ signupId, channel }, { onSuccess: onResent });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Text>
          {sent
            ? t(`signup.codeSentTo.${channel}`, { destination: sent.destination, time: formatDateTime(sent.expiresAt, i18n.language) })
            : t('signup.codeSent')}
        </Text>
        <FormError error={verify.error ?? resend.error} />
        {expired && (
          <Anchor component={Link} to="/signup">
            {t('signup.startAgain')}
          </Anchor>
        )}
        {resend.isSuccess && !verify.error && (
          <Alert color="green" variant="light" role="status">
            {t('signup.newCodeSent')}
          </Alert>
        )}
        <TextInput
          label={t('signup.code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          spellCheck={false}
          error={errors.code?.message && t(errors.code.message)}
          {...form.register('code')}
        />
        <Button type="submit" loading={verify.isPending}>
          {t('signup.verify')}
        </Button>
        <Group gap="lg">
          <Anchor component="button" type="button" onClick={sendAgain} disabled={resend.isPending}>
            {t('signup.resend')}
          </Anchor>
          {onChooseChannel && (
            <Anchor component="button" type="button" onClick={onChooseChannel}>
              {t('signup.otherChannel')}
            </Anchor>
          )}
        </Group>
      </Stack>
    </form>
  );
}

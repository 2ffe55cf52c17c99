import { Button, Radio, Stack } from '@mantine/core';
import type { SignupCodeSent, SignupStarted, VerificationChannel } from '@portico/shared/contracts/accounts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '@/components/form-error';
import { useSendSignupCode } from '../api/send-signup-code';

/** Step 2: where the code goes, among the e-mail address and mobile number the landlord has on record. */
export function SignupChannelForm({
  signupId,
  channels,
  onSent,
}: {
  signupId: string;
  channels: SignupStarted['channels'];
  onSent: (sent: SignupCodeSent) => void;
}) {
  const { t } = useTranslation();
  const send = useSendSignupCode();
  const [channel, setChannel] = useState<VerificationChannel | null>(channels[0]?.channel ?? null);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    if (channel) send.mutate({ signupId, channel }, { onSuccess: onSent });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={send.error} />
        <Radio.Group label={t('signup.verifyBy')} value={channel} onChange={(value) => setChannel(value === 'sms' ? 'sms' : 'email')}>
          <Stack gap="xs" mt="xs">
            {channels.map((c) => (
              <Radio key={c.channel} value={c.channel} label={t(`signup.channelTo.${c.channel}`, { destination: c.destination })} />
            ))}
          </Stack>
        </Radio.Group>
        <Button type="submit" loading={send.isPending} disabled={!channel}>
          {t('signup.sendCode')}
        </Button>
      </Stack>
    </form>
  );
}

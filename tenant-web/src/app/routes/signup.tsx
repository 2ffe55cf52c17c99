import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { VerificationChannelSchema } from '@portico/shared/contracts/accounts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { SignupChannelForm } from '@/features/auth/components/signup-channel-form';
import { SignupCodeForm } from '@/features/auth/components/signup-code-form';
import { SignupProfileForm } from '@/features/auth/components/signup-profile-form';
import { SignupStartForm } from '@/features/auth/components/signup-start-form';
import { clearSignup, readSignup, saveSignup } from '@/features/auth/utils/signup-store';
import { usePageTitle } from '@/lib/use-page-title';

const STEPS = ['start', 'channel', 'code', 'profile'] as const;
type Step = (typeof STEPS)[number];
const StepSchema = z.enum(STEPS);

/**
 * Self sign-up by organisation or personal identity number (seed 001), one route with four steps.
 * The signup id and step live in the URL so a reload, or the link in the verification e-mail, continues.
 */
export function SignupRoute() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const signupId = params.get('id');
  const step: Step = signupId ? StepSchema.catch('channel').parse(params.get('step')) : 'start';
  const channel = VerificationChannelSchema.catch('email').parse(params.get('channel'));
  const progress = signupId ? readSignup(signupId) : {};
  const stepName = t(`signup.steps.${step}`);
  usePageTitle(`${stepName} · ${t('signup.title')}`);

  // A step change keeps the URL path, so move focus to the step's heading here (the main region does it for paths).
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (step) headingRef.current?.focus();
  }, [step]);

  const go = (next: Step, id: string, extra: Record<string, string> = {}) => setParams({ id, step: next, ...extra });

  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{t('signup.title')}</Title>
      <Title order={2} size="h4" ref={headingRef} tabIndex={-1}>
        {t('signup.stepOf', { step: STEPS.indexOf(step) + 1, steps: STEPS.length, name: stepName })}
      </Title>

      {step === 'start' && (
        <>
          <Text>{t('signup.intro')}</Text>
          <SignupStartForm
            onStarted={(started) => {
              saveSignup(started.signupId, { channels: started.channels });
              go('channel', started.signupId);
            }}
          />
          <Text>
            {t('signup.haveAccount')}{' '}
            <Anchor component={Link} to="/login">
              {t('signup.signIn')}
            </Anchor>
          </Text>
        </>
      )}

      {signupId && step === 'channel' && (
        <>
          <Text>{t('signup.channelIntro')}</Text>
          {progress.channels?.length ? (
            <SignupChannelForm
              signupId={signupId}
              channels={progress.channels}
              onSent={(sent) => {
                saveSignup(signupId, { sent });
                go('code', signupId, { channel: sent.channel });
              }}
            />
          ) : (
            <LostProgress />
          )}
        </>
      )}

      {signupId && step === 'code' && (
        <SignupCodeForm
          signupId={signupId}
          channel={channel}
          sent={progress.sent?.channel === channel ? progress.sent : undefined}
          onVerified={(verified) => {
            saveSignup(signupId, { profile: verified.profile });
            go('profile', signupId);
          }}
          onResent={(sent) => {
            saveSignup(signupId, { sent });
            go('code', signupId, { channel: sent.channel });
          }}
          onChooseChannel={progress.channels && progress.channels.length > 1 ? () => go('channel', signupId) : undefined}
        />
      )}

      {signupId && step === 'profile' && (
        <>
          <Text>{t('signup.profileIntro')}</Text>
          <SignupProfileForm
            signupId={signupId}
            profile={progress.profile}
            onCompleted={() => {
              clearSignup(signupId);
              navigate('/messages', { replace: true });
            }}
          />
        </>
      )}
    </Stack>
  );
}

function LostProgress() {
  const { t } = useTranslation();
  return (
    <>
      <Alert color="yellow" variant="light" role="status">
        {t('signup.lost')}
      </Alert>
      <Anchor component={Link} to="/signup">
        {t('signup.startAgain')}
      </Anchor>
    </>
  );
}

import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useVerifySignup } from '@/features/auth/api/verify-signup';
import { saveSignup } from '@/features/auth/utils/signup-store';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';

/** The link in the verification e-mail: `/signup/verify?signup=<id>&token=<t>` → the profile step. */
export function SignupVerifyRoute() {
  const { t } = useTranslation();
  usePageTitle(t('signupVerify.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const signupId = params.get('signup') ?? '';
  const token = params.get('token') ?? '';
  const valid = signupId.length > 0 && token.length >= 10;
  const verify = useVerifySignup();
  const { mutate } = verify;
  const started = useRef(false);

  useEffect(() => {
    if (!valid || started.current) return;
    started.current = true;
    mutate(
      { signupId, body: { token } },
      {
        onSuccess: (verified) => {
          saveSignup(verified.signupId, { profile: verified.profile });
          navigate(`/signup?${new URLSearchParams({ id: verified.signupId, step: 'profile' })}`, { replace: true });
        },
      },
    );
  }, [valid, signupId, token, mutate, navigate]);

  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{t('signupVerify.title')}</Title>
      {valid && !verify.isError && <PageLoader />}
      {(!valid || verify.isError) && (
        <>
          <Alert color="red" variant="light" role="alert">
            {valid ? errorText(t, verify.error) : t('errors:code_invalid')}
          </Alert>
          <Anchor component={Link} to="/signup">
            {t('signup.startAgain')}
          </Anchor>
        </>
      )}
    </Stack>
  );
}

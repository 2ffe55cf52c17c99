import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useConfirmEmailChange } from '@/features/auth/api/confirm-email-change';
import { useMe } from '@/features/auth/api/get-me';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';

/** The activation link sent to a new e-mail address (seed 004); works signed in or not. */
export function ConfirmEmailRoute() {
  const { t } = useTranslation();
  usePageTitle(t('confirmEmail.title'));
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const valid = token.length >= 10;
  const confirm = useConfirmEmailChange();
  const { mutate } = confirm;
  const me = useMe();
  const signedIn = Boolean(me.data);
  const started = useRef(false);

  useEffect(() => {
    if (!valid || started.current) return;
    started.current = true;
    mutate({ token });
  }, [valid, token, mutate]);

  const next = signedIn ? (
    <Anchor component={Link} to="/messages">
      {t('confirmEmail.toMessages')}
    </Anchor>
  ) : (
    <Anchor component={Link} to="/login">
      {t('confirmEmail.toLogin')}
    </Anchor>
  );

  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{t('confirmEmail.title')}</Title>
      {valid && !confirm.isSuccess && !confirm.isError && <PageLoader />}
      {confirm.isSuccess && (
        <>
          <Alert color="green" variant="light" role="status">
            {t('confirmEmail.done')}
          </Alert>
          {next}
        </>
      )}
      {(!valid || confirm.isError) && (
        <>
          <Alert color="red" variant="light" role="alert">
            {valid ? errorText(t, confirm.error) : t('errors:email_change_invalid')}
          </Alert>
          {next}
        </>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import { LocaleSchema } from '@portico/shared/locale';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useInvitation } from '@/features/auth/api/get-invitation';
import { InvitationForm } from '@/features/auth/components/invitation-form';
import { errorText } from '@/lib/errors';
import { applyLocale, storedLocale } from '@/lib/i18n';
import { usePageTitle } from '@/lib/use-page-title';

export function InvitationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('invitation.title'));
  const { token = '' } = useParams();
  const navigate = useNavigate();
  const invitation = useInvitation(token);
  // A used or expired link still names the landlord's language (error params), so it is explained in it too.
  const errorLocale = invitation.error instanceof ApiRequestError ? LocaleSchema.safeParse(invitation.error.params.locale).data : undefined;
  const invitationLocale = invitation.data?.locale ?? errorLocale;

  // The invitation carries the language the landlord wrote it in; use it until the user picks one.
  useEffect(() => {
    if (invitationLocale && !storedLocale()) void applyLocale(invitationLocale);
  }, [invitationLocale]);

  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{invitation.data?.existingUser ? t('invitation.titleExisting') : t('invitation.title')}</Title>
      {invitation.isPending && <PageLoader />}
      {invitation.isError && (
        <>
          <Alert color="red" variant="light" role="alert">
            {errorText(t, invitation.error)}
          </Alert>
          <Anchor component={Link} to="/login">
            {t('invitation.goToLogin')}
          </Anchor>
        </>
      )}
      {invitation.data && (
        <>
          <Text>{t('invitation.intro', { landlord: invitation.data.landlordName, customer: invitation.data.customerName })}</Text>
          {invitation.data.existingUser && <Text>{t('invitation.existingNote')}</Text>}
          <InvitationForm
            token={token}
            invitation={invitation.data}
            onSuccess={({ threadId }) => navigate(threadId ? `/messages/${threadId}` : '/messages', { replace: true })}
          />
        </>
      )}
    </Stack>
  );
}

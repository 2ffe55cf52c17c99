import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSupport } from '@/features/landlord/api/get-landlord-info';
import { SupportContacts } from '@/features/landlord/components/support-contacts';
import { usePageTitle } from '@/lib/use-page-title';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Help for tenants who cannot sign in. The portal serves many landlords, so the landlord comes from
 * the link (`?landlord=<id>`, as the landlord's mail carries it); without one the page explains the
 * self-service ways in (decision 9T5).
 */
export function SignInHelpRoute() {
  const { t } = useTranslation();
  usePageTitle(t('help.title'));
  const [params] = useSearchParams();
  const id = params.get('landlord');
  const landlordId = id && UUID.test(id) ? id : null;
  const support = useSupport(landlordId);
  return (
    <Stack maw={480} mx="auto" gap="md">
      <Title order={1}>{t('help.title')}</Title>
      <Text>{t('help.intro')}</Text>
      <Anchor component={Link} to="/forgot-password">
        {t('help.forgot')}
      </Anchor>
      {landlordId && support.isSuccess && support.data.contacts.map((c) => <SupportContacts key={c.displayName} contact={c} />)}
      {landlordId && support.isError && (
        <Alert color="yellow" variant="light" role="status">
          {t('help.unknownLandlord')}
        </Alert>
      )}
      {!landlordId && <Text c="dimmed">{t('help.noLandlord')}</Text>}
    </Stack>
  );
}

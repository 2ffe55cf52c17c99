import { Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { ApiKeyList } from '@/features/api-keys/components/api-key-list';
import { CreateApiKeyForm } from '@/features/api-keys/components/create-api-key-form';

/** API keys (admin only): what they are, the create form (the secret shown once) and the list. */
export function ApiKeysRoute() {
  const { t } = useTranslation(['integrations']);
  return (
    <>
      <PageHeading title={t('title')} />
      <Stack gap="xl">
        <Text>
          {t('intro')}{' '}
          <Anchor href="/api/docs" target="_blank" rel="noopener">
            {t('docsLink')}
          </Anchor>
        </Text>
        <CreateApiKeyForm />
        <ApiKeyList />
      </Stack>
    </>
  );
}

import { Alert, Button, Code, CopyButton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The signing secret, shown once after create or rotate. */
export function SecretAlert({ secret }: { secret: string }) {
  const { t } = useTranslation('webhooks');
  return (
    <Alert color="yellow" variant="light" title={t('secret.title')} role="status">
      <Stack gap="xs">
        <Text size="sm">{t('secret.once')}</Text>
        <Code block data-testid="webhook-secret" style={{ overflowWrap: 'anywhere' }}>
          {secret}
        </Code>
        <CopyButton value={secret}>
          {({ copied, copy }) => (
            <Button size="xs" variant="default" onClick={copy} w="fit-content">
              {copied ? '✓' : t('secret.title')}
            </Button>
          )}
        </CopyButton>
      </Stack>
    </Alert>
  );
}

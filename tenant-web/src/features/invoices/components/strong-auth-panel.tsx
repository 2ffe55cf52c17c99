import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EidButtons } from '@/components/eid-buttons';

/** Seed 002: invoices need BankID (or MitID); a password sign-in steps up here and comes back. */
export function StrongAuthPanel() {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h3">
          {t('invoices.strongAuth.title')}
        </Title>
        <Text>{t('invoices.strongAuth.text')}</Text>
        <EidButtons intent="step-up" returnTo="/invoices" />
        <Text size="sm" c="gray.7">
          {t('invoices.strongAuth.international')}
        </Text>
      </Stack>
    </Paper>
  );
}

import { Box, Container, Group, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguagePicker } from '@/components/language-picker';

export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <Box component="header" className="public-header">
        <Group justify="space-between" px="md" py="sm">
          <Text fw={700} size="lg">
            {t('app.product')}{' '}
            <Text span c="dimmed" fw={400} size="sm">
              {t('app.consoleName')}
            </Text>
          </Text>
          <LanguagePicker />
        </Group>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className="main">
        <Container size={440} py="xl">
          <Paper withBorder p={{ base: 'md', sm: 'xl' }} radius="md">
            <Outlet />
          </Paper>
        </Container>
      </Box>
    </>
  );
}

import { Alert, Anchor, Box, Group, Image, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLandlordInfo } from '../api/get-landlord-info';
import { SupportContacts } from './support-contacts';

/** Seed 001's Home: the landlord's name and logo, its useful links in order, and whom to ask. */
export function LandlordHome({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const info = useLandlordInfo(customerId);
  if (info.isPending) return <Text role="status">{t('loading')}</Text>;
  if (info.isError) {
    return (
      <Alert color="red" variant="light" role="alert">
        {t('home.error')}
      </Alert>
    );
  }
  const landlord = info.data;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md" radius="md" style={landlord.brandColour ? { borderTop: `6px solid ${landlord.brandColour}` } : undefined}>
        <Group gap="md">
          {landlord.logoUrl && <Image src={landlord.logoUrl} alt="" h={48} w="auto" fit="contain" />}
          <Text fw={700} size="lg">
            {landlord.displayName}
          </Text>
        </Group>
      </Paper>
      <Box component="section" aria-labelledby="home-links">
        <Title order={2} size="h3" id="home-links" mb="xs">
          {t('home.links')}
        </Title>
        {landlord.usefulLinks.length === 0 ? (
          <Text c="dimmed">{t('home.noLinks')}</Text>
        ) : (
          <List spacing="xs">
            {landlord.usefulLinks.map((link) => (
              <List.Item key={`${link.url}|${link.title}`}>
                <Anchor href={link.url} target="_blank" rel="noopener noreferrer">
                  {link.title}
                </Anchor>
              </List.Item>
            ))}
          </List>
        )}
      </Box>
      <Box component="section">
        <SupportContacts contact={landlord} />
      </Box>
    </Stack>
  );
}

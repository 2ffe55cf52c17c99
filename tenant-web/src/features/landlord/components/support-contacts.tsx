import { Anchor, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

type Contact = { displayName: string; supportEmail: string | null; supportPhone: string | null };

/** A landlord's support e-mail and phone (seed 002: for tenants with sign-in problems). */
export function SupportContacts({ contact, headingLevel = 2 }: { contact: Contact; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation();
  if (!contact.supportEmail && !contact.supportPhone) return <Text>{t('help.noContacts', { name: contact.displayName })}</Text>;
  return (
    <Stack gap="xs">
      <Title order={headingLevel} size="h4">
        {t('help.contactsOf', { name: contact.displayName })}
      </Title>
      <List>
        {contact.supportEmail && (
          <List.Item>
            {t('help.email')}: <Anchor href={`mailto:${contact.supportEmail}`}>{contact.supportEmail}</Anchor>
          </List.Item>
        )}
        {contact.supportPhone && (
          <List.Item>
            {t('help.phone')}: <Anchor href={`tel:${contact.supportPhone.replace(/[^+\d]/g, '')}`}>{contact.supportPhone}</Anchor>
          </List.Item>
        )}
      </List>
    </Stack>
  );
}

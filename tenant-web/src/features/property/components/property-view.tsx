import { Alert, Anchor, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { PortalPropertyContact, PortalPropertyDetail } from '@portico/shared/contracts/documents';
import { useTranslation } from 'react-i18next';
import { PageLoader } from '@/components/page-loader';
import { errorText } from '@/lib/errors';
import { propertyImageUrl, useProperty } from '../api/get-property';

function Contact({ contact }: { contact: PortalPropertyContact }) {
  const { t } = useTranslation('documents');
  const role = contact.title || t(`property.role.${contact.role}`);
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Text fw={600}>{contact.name}</Text>
      <Text size="sm" c="gray.7">
        {role}
      </Text>
      <Stack gap={2} mt={4}>
        {contact.phone ? (
          <Anchor
            href={`tel:${contact.phone.replace(/[^\d+]/g, '')}`}
            aria-label={t('property.callNamed', { name: contact.name, phone: contact.phone })}
          >
            {contact.phone}
          </Anchor>
        ) : null}
        <Anchor href={`mailto:${contact.email}`} style={{ overflowWrap: 'anywhere' }}>
          {contact.email}
        </Anchor>
      </Stack>
    </Paper>
  );
}

function Facts({ property }: { property: PortalPropertyDetail }) {
  const { t, i18n } = useTranslation('documents');
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const rows: [string, string][] = [
    [t('property.address'), `${property.street}, ${property.postalCode} ${property.city}`],
    ...(property.yearBuilt !== null ? [[t('property.yearBuilt'), String(property.yearBuilt)] as [string, string]] : []),
    ...(property.totalAreaM2 !== null
      ? [[t('property.area'), t('property.areaValue', { area: number.format(property.totalAreaM2) })] as [string, string]]
      : []),
    ...(property.floors !== null ? [[t('property.floors'), String(property.floors)] as [string, string]] : []),
    ...property.facts.map((f) => [f.label, f.value] as [string, string]),
  ];
  return (
    <Table variant="vertical" withTableBorder layout="fixed">
      <Table.Tbody>
        {rows.map(([label, value]) => (
          <Table.Tr key={`${label}-${value}`}>
            <Table.Th scope="row" w="40%">
              {label}
            </Table.Th>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** Seed 002 "om fastigheten": the property's description, facts, images, area information and contacts. */
export function PropertyView({ customerId, propertyId }: { customerId: string; propertyId: string }) {
  const { t } = useTranslation('documents');
  const query = useProperty(customerId, propertyId);
  if (query.isPending) return <PageLoader />;
  if (query.isError)
    return (
      <Alert color="red" role="alert">
        {errorText(t, query.error)}
      </Alert>
    );
  const p = query.data;
  return (
    <Stack gap="lg">
      {p.description ? <Text style={{ whiteSpace: 'pre-line' }}>{p.description}</Text> : null}
      {p.images.length ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {p.images.map((img) => (
            <img
              key={img.id}
              src={propertyImageUrl(p.id, img.id)}
              alt={t('property.imageAlt', { name: p.name })}
              loading="lazy"
              style={{ width: '100%', borderRadius: 8, objectFit: 'cover', aspectRatio: '4 / 3' }}
            />
          ))}
        </SimpleGrid>
      ) : null}
      <section aria-labelledby="property-contacts">
        <Title order={2} size="h3" id="property-contacts" mb="xs">
          {t('property.contacts')}
        </Title>
        {p.contacts.length ? (
          <SimpleGrid component="ul" cols={{ base: 1, sm: 2 }} spacing="xs" className="plain-list">
            {p.contacts.map((c) => (
              <Contact key={c.staffUserId} contact={c} />
            ))}
          </SimpleGrid>
        ) : (
          <Text c="gray.7">{t('property.noContacts')}</Text>
        )}
      </section>
      <section aria-labelledby="property-facts">
        <Title order={2} size="h3" id="property-facts" mb="xs">
          {t('property.facts')}
        </Title>
        <Facts property={p} />
      </section>
      {p.areaInfo ? (
        <section aria-labelledby="property-area">
          <Title order={2} size="h3" id="property-area" mb="xs">
            {t('property.areaInfo')}
          </Title>
          {/* Plain text as staff wrote it: shown as text, never as HTML. */}
          <Text style={{ whiteSpace: 'pre-line' }}>{p.areaInfo}</Text>
        </section>
      ) : null}
    </Stack>
  );
}

import { Alert, Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { PropertyDetail } from '@portico/shared/contracts/properties';
import { type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useProperty } from '../api/get-property';
import { useSetPropertyArchived } from '../api/save-property';
import { ConfirmButton } from './confirm-button';
import { PropertyImages } from './property-images';
import { PropertyTeamSection } from './property-team';
import { PropertyUnits } from './property-units';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = useId();
  return (
    <Paper component="section" withBorder p="md" radius="sm" aria-labelledby={id}>
      <Title order={2} size="h4" mb="sm" id={id}>
        {title}
      </Title>
      {children}
    </Paper>
  );
}

function Body({
  property,
  canEdit,
  unitHistory,
}: {
  property: PropertyDetail;
  canEdit: boolean;
  unitHistory?: (unitId: string) => ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const archive = useSetPropertyArchived(property.id);
  const dash = '–';
  const number = (n: number | null, unit = '') => (n === null ? dash : `${new Intl.NumberFormat(i18n.language).format(n)}${unit}`);
  const archived = property.archivedAt !== null;
  return (
    <Stack>
      <PageHeading title={property.name} />
      <Group gap="xs">
        {archived && <Badge color="gray.8">{t('properties.archived')}</Badge>}
        <Badge variant="outline" color="gray.8">
          {property.portalEnabled ? t('properties.pilotOn') : t('properties.pilotOff')}
        </Badge>
      </Group>
      <ErrorAlert error={archive.error} />
      {canEdit && (
        <Group>
          {!archived && (
            <Button component={Link} to={`/properties/${property.id}/edit`}>
              {t('properties.edit')}
            </Button>
          )}
          {archived ? (
            <Button variant="default" loading={archive.isPending} onClick={() => archive.mutate(false)}>
              {t('properties.restore')}
            </Button>
          ) : (
            <ConfirmButton
              label={t('properties.archive')}
              question={t('properties.archiveQuestion', { name: property.name })}
              confirmLabel={t('properties.archive')}
              loading={archive.isPending}
              onConfirm={() => archive.mutate(true)}
            />
          )}
        </Group>
      )}
      {archived && canEdit && (
        <Alert color="gray" variant="light">
          {t('properties.archivedHint')}
        </Alert>
      )}
      <Section title={t('properties.section.identity')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Fact label={t('properties.field.designation')}>{property.designation || dash}</Fact>
          <Fact label={t('properties.address')}>
            {property.street}, {property.postalCode} {property.city}
          </Fact>
          <Fact label={t('properties.field.description')}>{property.description ?? dash}</Fact>
          {property.externalId && <Fact label={t('properties.field.externalId')}>{property.externalId}</Fact>}
        </SimpleGrid>
      </Section>
      <Section title={t('properties.section.facts')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 3 }} m={0}>
          <Fact label={t('properties.field.yearBuilt')}>{property.yearBuilt ?? dash}</Fact>
          <Fact label={t('properties.field.totalAreaM2')}>{number(property.totalAreaM2, ' m²')}</Fact>
          <Fact label={t('properties.field.floors')}>{number(property.floors)}</Fact>
          {property.facts.map((f, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: fact lines have no id; their order is their identity
            <Fact key={i} label={f.label}>
              {f.value}
            </Fact>
          ))}
        </SimpleGrid>
      </Section>
      <Section title={t('properties.section.images')}>
        <PropertyImages property={property} canEdit={canEdit && !archived} />
      </Section>
      <Section title={t('documents:team.title')}>
        <PropertyTeamSection propertyId={property.id} canEdit={canEdit && !archived} />
      </Section>
      <Section title={t('properties.section.area')}>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{property.areaInfo ?? dash}</Text>
      </Section>
      <Section title={t('properties.section.contacts')}>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} m={0}>
          <Fact label={t('properties.field.manager')}>
            {property.manager ? (
              <>
                {property.manager.name} · <Anchor href={`mailto:${property.manager.email}`}>{property.manager.email}</Anchor>
              </>
            ) : (
              dash
            )}
          </Fact>
          <Fact label={t('properties.field.customerManager')}>
            {property.customerManager ? (
              <>
                {property.customerManager.name} ·{' '}
                <Anchor href={`mailto:${property.customerManager.email}`}>{property.customerManager.email}</Anchor>
              </>
            ) : (
              dash
            )}
          </Fact>
          <Fact label={t('properties.field.portalEnabled')}>{property.portalEnabled ? t('properties.yes') : t('properties.no')}</Fact>
        </SimpleGrid>
      </Section>
      <Section title={t('properties.unitsCount', { count: property.unitCount })}>
        <PropertyUnits propertyId={property.id} canEdit={canEdit} propertyArchived={archived} unitHistory={unitHistory} />
      </Section>
    </Stack>
  );
}

export function PropertyDetails({
  propertyId,
  canEdit,
  unitHistory,
}: {
  propertyId: string;
  canEdit: boolean;
  unitHistory?: (unitId: string) => ReactNode;
}) {
  const property = useProperty(propertyId);
  if (property.isPending) return <Loading />;
  if (property.isError) return <ErrorAlert error={property.error} />;
  return <Body property={property.data} canEdit={canEdit} unitHistory={unitHistory} />;
}

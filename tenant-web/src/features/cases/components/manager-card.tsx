import { Anchor, Stack, Text } from '@mantine/core';
import type { CaseDetail } from '@portico/shared/contracts/cases';
import { useTranslation } from 'react-i18next';

/** Seed 002: "click the case to read the latest status and contact the property manager". */
export function ManagerCard({ manager }: { manager: CaseDetail['responsibleManager'] }) {
  const { t } = useTranslation();
  if (!manager) return <Text c="gray.7">{t('case.manager.none')}</Text>;
  return (
    <Stack gap={2}>
      <Text fw={600}>{manager.name}</Text>
      <Anchor href={`mailto:${manager.email}`} className="break-anywhere">
        {manager.email}
      </Anchor>
      {manager.phone && (
        <Anchor href={`tel:${manager.phone.replace(/[^\d+]/g, '')}`}>
          <span className="visually-hidden">{t('case.manager.phone')} </span>
          {manager.phone}
        </Anchor>
      )}
    </Stack>
  );
}

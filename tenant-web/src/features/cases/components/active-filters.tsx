import { CloseButton, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useCases } from '../api/get-cases';
import type { CaseListParams } from '../api/keys';
import { CASE_PAGE_SIZE } from './case-table';

type DrillDown = 'month' | 'propertyId' | 'type';

/**
 * Filters that come from a dashboard bar rather than the search form (month, property, type),
 * each removable. The property's name is taken from the cases already loaded for the table.
 */
export function ActiveFilters({ params, onRemove }: { params: Omit<CaseListParams, 'limit'>; onRemove: (name: DrillDown) => void }) {
  const { t } = useTranslation();
  const cases = useCases({ ...params, limit: CASE_PAGE_SIZE }, Boolean(params.propertyId));
  const propertyName = cases.data?.items.find((c) => c.property.id === params.propertyId)?.property.name;

  const chips: { name: DrillDown; text: string }[] = [];
  if (params.month) chips.push({ name: 'month', text: t('cases.filter.month', { month: params.month }) });
  if (params.propertyId)
    chips.push({ name: 'propertyId', text: t('cases.filter.property', { property: propertyName ?? t('cases.filter.oneProperty') }) });
  if (params.type) chips.push({ name: 'type', text: t('cases.filter.type', { type: t(`cases.type.${params.type}`) }) });
  if (!chips.length) return null;

  return (
    <Group gap="xs" align="center">
      <Text size="sm" fw={600} component="span">
        {t('cases.filter.label')}
      </Text>
      <Group gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {chips.map((chip) => (
          <li key={chip.name} className="attachment-chip">
            <span>{chip.text}</span>
            <CloseButton size="sm" aria-label={t('cases.filter.remove', { filter: chip.text })} onClick={() => onRemove(chip.name)} />
          </li>
        ))}
      </Group>
    </Group>
  );
}

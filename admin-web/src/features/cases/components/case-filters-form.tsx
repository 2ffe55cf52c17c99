import { Button, Checkbox, CloseButton, Group, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { CASE_STATUSES, CASE_TYPES, type CaseStatus, type CaseType } from '@portico/shared/contracts/cases';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useProperties } from '../api/get-properties';
import { useStaff } from '../api/get-staff';
import type { CaseScope, CaseSort } from '../api/query-keys';
import { CASE_SCOPES, CASE_SORTS, type CaseFilters } from '../lib/filters';

type TextKey = 'street' | 'objectNumber' | 'invoiceMarking' | 'agreementNumber' | 'q';
const TEXT_FIELDS: { key: TextKey; max: number }[] = [
  { key: 'q', max: 200 },
  { key: 'street', max: 200 },
  { key: 'objectNumber', max: 40 },
  { key: 'invoiceMarking', max: 120 },
  { key: 'agreementNumber', max: 60 },
];

/**
 * The queue's filters (seed 001 "Sök ärende", seed 003's search fields). They apply on submit;
 * the parent keys this form by the URL so it starts again from whatever the URL says.
 */
export function CaseFiltersForm({
  filters,
  onApply,
  showAssignee,
}: {
  filters: CaseFilters;
  onApply: (filters: CaseFilters) => void;
  showAssignee: boolean;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CaseFilters>(filters);
  const staff = useStaff({ enabled: showAssignee });
  const properties = useProperties();
  const set = <K extends keyof CaseFilters>(key: K, value: CaseFilters[K]) =>
    setDraft((d) => {
      const next = { ...d, [key]: value };
      if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete next[key];
      return next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const cleaned: CaseFilters = { ...draft };
    for (const { key } of TEXT_FIELDS) {
      const value = cleaned[key]?.trim();
      if (value) cleaned[key] = value;
      else delete cleaned[key];
    }
    onApply(cleaned);
  };

  return (
    <search>
      <form onSubmit={submit} aria-label={t('cases.filters.label')}>
        <Stack gap="sm">
          {(filters.month || filters.customerId) && (
            <Group component="ul" gap="xs" p={0} m={0} aria-label={t('cases.filters.more')} style={{ listStyle: 'none' }}>
              {filters.month && (
                <Group component="li" gap={2} wrap="nowrap" className="chip">
                  <Text size="sm" className="chip-label">
                    {t('cases.filters.month', { month: filters.month })}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('cases.filters.removeMonth')}
                    onClick={() => onApply({ ...filters, month: undefined })}
                  />
                </Group>
              )}
              {filters.customerId && (
                <Group component="li" gap={2} wrap="nowrap" className="chip">
                  <Text size="sm" className="chip-label">
                    {t('cases.filters.oneCustomer')}
                  </Text>
                  <CloseButton
                    size="sm"
                    aria-label={t('cases.filters.removeCustomer')}
                    onClick={() => onApply({ ...filters, customerId: undefined })}
                  />
                </Group>
              )}
            </Group>
          )}
          <Radio.Group label={t('cases.filters.scope')} value={draft.scope} onChange={(value) => set('scope', value as CaseScope)}>
            <Group gap="md" mt={4}>
              {CASE_SCOPES.map((scope) => (
                <Radio key={scope} value={scope} label={t(`cases.scope.${scope}`)} />
              ))}
            </Group>
          </Radio.Group>
          <Checkbox.Group
            label={t('cases.filters.status')}
            value={draft.status ?? []}
            onChange={(value) => set('status', value as CaseStatus[])}
          >
            <Group gap="md" mt={4}>
              {CASE_STATUSES.map((status) => (
                <Checkbox key={status} value={status} label={t(`cases.status.${status}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="sm">
            <NativeSelect
              label={t('cases.filters.type')}
              value={draft.type ?? ''}
              onChange={(e) => set('type', (e.currentTarget.value || undefined) as CaseType | undefined)}
              data={[
                { value: '', label: t('cases.filters.anyType') },
                ...CASE_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) })),
              ]}
            />
            {showAssignee && (
              <NativeSelect
                label={t('cases.assignee')}
                value={draft.assigneeId ?? ''}
                onChange={(e) => set('assigneeId', e.currentTarget.value || undefined)}
                data={[
                  { value: '', label: t('cases.filters.anyone') },
                  ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
                  // Keep a filter from the URL visible until the list has loaded.
                  ...(draft.assigneeId && !staff.data ? [{ value: draft.assigneeId, label: t('app.loading') }] : []),
                ]}
              />
            )}
            <NativeSelect
              label={t('cases.property')}
              value={draft.propertyId ?? ''}
              onChange={(e) => set('propertyId', e.currentTarget.value || undefined)}
              data={[
                { value: '', label: t('cases.filters.anyProperty') },
                ...(properties.data?.items ?? []).map((p) => ({ value: p.id, label: p.name })),
                ...(draft.propertyId && !properties.data ? [{ value: draft.propertyId, label: t('app.loading') }] : []),
              ]}
            />
            <NativeSelect
              label={t('cases.filters.sort')}
              value={draft.sort}
              onChange={(e) => set('sort', e.currentTarget.value as CaseSort)}
              data={CASE_SORTS.map((sort) => ({ value: sort, label: t(`cases.sort.${sort}`) }))}
            />
            <TextInput
              type="date"
              label={t('cases.filters.from')}
              value={draft.from ?? ''}
              max={draft.to}
              onChange={(e) => set('from', e.currentTarget.value || undefined)}
            />
            <TextInput
              type="date"
              label={t('cases.filters.to')}
              value={draft.to ?? ''}
              min={draft.from}
              onChange={(e) => set('to', e.currentTarget.value || undefined)}
            />
            {TEXT_FIELDS.map(({ key, max }) => (
              <TextInput
                key={key}
                type={key === 'q' ? 'search' : 'text'}
                label={t(`cases.filters.${key}`)}
                maxLength={max}
                value={draft[key] ?? ''}
                onChange={(e) => set(key, e.currentTarget.value)}
              />
            ))}
          </SimpleGrid>
          <Checkbox
            label={t('cases.filters.overdue')}
            checked={draft.overdue ?? false}
            onChange={(e) => set('overdue', e.currentTarget.checked || undefined)}
          />
          <Group>
            <Button type="submit">{t('cases.filters.apply')}</Button>
            <Button variant="default" onClick={() => onApply({ scope: 'current', sort: 'created_desc' })}>
              {t('cases.filters.clear')}
            </Button>
          </Group>
        </Stack>
      </form>
    </search>
  );
}

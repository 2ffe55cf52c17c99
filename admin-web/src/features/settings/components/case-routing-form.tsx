import { Alert, Button, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { CASE_TYPES, type CaseRouting } from '@portico/shared/contracts/cases';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useCaseRouting, useUpdateCaseRouting } from '../api/case-routing';

/** Seed 001: cases go to the property's manager unless a case type has its own receiver. */
export function CaseRoutingForm({ canEdit, staff }: { canEdit: boolean; staff: { id: string; name: string }[] }) {
  const { t } = useTranslation();
  const routing = useCaseRouting();
  const update = useUpdateCaseRouting();
  const [rules, setRules] = useState<CaseRouting['rules']>([]);
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (routing.data) setRules(routing.data.rules);
  }, [routing.data]);

  return (
    <form
      aria-labelledby="routing-heading"
      onSubmit={(event) => {
        event.preventDefault();
        setSaved(false);
        update.mutate({ rules }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Stack gap="sm">
        <Title order={2} size="h3" id="routing-heading">
          {t('settings.routing.title')}
        </Title>
        <Text size="sm">{t('settings.routing.hint')}</Text>
        <ErrorAlert error={routing.error ?? update.error} />
        {CASE_TYPES.map((caseType) => (
          <NativeSelect
            key={caseType}
            label={t('settings.routing.forType', { type: t(`cases.type.${caseType}`) })}
            disabled={!canEdit}
            value={rules.find((r) => r.caseType === caseType)?.assigneeId ?? ''}
            onChange={(e) => {
              const assigneeId = e.currentTarget.value || null;
              setSaved(false);
              setRules((current) => [...current.filter((r) => r.caseType !== caseType), { caseType, assigneeId }]);
            }}
            data={[{ value: '', label: t('settings.routing.propertyManager') }, ...staff.map((s) => ({ value: s.id, label: s.name }))]}
          />
        ))}
        {canEdit && (
          <Button type="submit" loading={update.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('settings.routing.save')}
          </Button>
        )}
        <div aria-live="polite">
          {saved && (
            <Alert color="teal" variant="light">
              {t('settings.routing.saved')}
            </Alert>
          )}
        </div>
      </Stack>
    </form>
  );
}

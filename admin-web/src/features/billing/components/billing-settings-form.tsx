import { Button, Checkbox, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { type BillingSettings, BillingSettingsPatchSchema } from '@portico/shared/contracts/billing';
import { CURRENCIES, DUE_RULES } from '@portico/shared/contracts/billing-core';
import { OCR_CONTROLS } from '@portico/shared/formats/ocr';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { useSaveBillingSettings } from '../api/settings';

const numberOrNull = (text: string) => (text.trim() === '' ? null : Number(text));

/** The landlord's billing settings; read-only for managers. */
export function BillingSettingsForm({ settings, canManage }: { settings: BillingSettings; canManage: boolean }) {
  const { t } = useTranslation('billing');
  const save = useSaveBillingSettings();
  const [values, setValues] = useState({
    currency: settings.currency,
    ocrControl: settings.ocrControl,
    ocrFixedLengths: settings.ocrFixedLengths.join(', '),
    dueRule: settings.dueRule,
    reminderDays: settings.reminderDays?.toString() ?? '',
    scheduleDay: settings.scheduleDay?.toString() ?? '',
    attachPdf: settings.attachPdf,
  });
  const [problem, setProblem] = useState<string | null>(null);
  const set = (patch: Partial<typeof values>) => setValues((v) => ({ ...v, ...patch }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = BillingSettingsPatchSchema.safeParse({
          currency: values.currency,
          ocrControl: values.ocrControl,
          ocrFixedLengths: values.ocrFixedLengths
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number),
          dueRule: values.dueRule,
          reminderDays: numberOrNull(values.reminderDays),
          scheduleDay: numberOrNull(values.scheduleDay),
          attachPdf: values.attachPdf,
        });
        if (!parsed.success) {
          setProblem(t('settings.invalid'));
          return;
        }
        setProblem(null);
        save.mutate(parsed.data);
      }}
    >
      <Stack maw={480}>
        <fieldset disabled={!canManage} style={{ border: 0, padding: 0, margin: 0 }}>
          <Stack>
            <NativeSelect
              label={t('settings.currency')}
              value={values.currency}
              onChange={(e) => set({ currency: e.currentTarget.value as typeof values.currency })}
              data={[...CURRENCIES]}
            />
            <NativeSelect
              label={t('settings.ocrControl')}
              value={values.ocrControl}
              onChange={(e) => set({ ocrControl: e.currentTarget.value as typeof values.ocrControl })}
              data={OCR_CONTROLS.map((c) => ({ value: c, label: t(`settings.ocr.${c}`) }))}
            />
            {values.ocrControl === 'fixed' && (
              <TextInput
                label={t('settings.ocrFixedLengths')}
                description={t('settings.ocrFixedLengthsHint')}
                value={values.ocrFixedLengths}
                onChange={(e) => set({ ocrFixedLengths: e.currentTarget.value })}
              />
            )}
            <NativeSelect
              label={t('settings.dueRule')}
              value={values.dueRule}
              onChange={(e) => set({ dueRule: e.currentTarget.value as typeof values.dueRule })}
              data={DUE_RULES.map((r) => ({ value: r, label: t(`settings.due.${r}`) }))}
            />
            <TextInput
              label={t('settings.reminderDays')}
              description={t('settings.reminderDaysHint')}
              inputMode="numeric"
              value={values.reminderDays}
              onChange={(e) => set({ reminderDays: e.currentTarget.value })}
            />
            <TextInput
              label={t('settings.scheduleDay')}
              description={t('settings.scheduleDayHint')}
              inputMode="numeric"
              value={values.scheduleDay}
              onChange={(e) => set({ scheduleDay: e.currentTarget.value })}
            />
            <Checkbox
              label={t('settings.attachPdf')}
              checked={values.attachPdf}
              onChange={(e) => set({ attachPdf: e.currentTarget.checked })}
            />
          </Stack>
        </fieldset>
        <Text size="sm" c="dimmed">
          {t('settings.nextNumber', { number: settings.nextNumber })}
        </Text>
        {problem && (
          <Text c="red.8" size="sm" role="alert">
            {problem}
          </Text>
        )}
        <ErrorAlert error={save.error} />
        {save.isSuccess && (
          <Text role="status" c="teal.9">
            {t('settings.saved')}
          </Text>
        )}
        {canManage && (
          <Button type="submit" loading={save.isPending} w="fit-content">
            {t('settings.save')}
          </Button>
        )}
      </Stack>
    </form>
  );
}

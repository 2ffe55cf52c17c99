import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Fieldset, Group, NativeSelect, Radio, Stack, Switch, Text, TextInput } from '@mantine/core';
import { type LandlordSettings, LandlordSettingsPatchSchema } from '@portico/shared/contracts/settings';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES } from '@portico/shared/locale';
import { PASSWORD_MIN_LENGTH } from '@portico/shared/password-policy';
import { useEffect, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useSettings } from '../api/get-settings';
import { useUpdateSettings } from '../api/update-settings';

/** The contract's patch, every field of it: the form always saves the whole settings. */
const FormSchema = LandlordSettingsPatchSchema.required();
const { shape } = FormSchema;

function Form({ settings, canEdit, onSaved }: { settings: LandlordSettings; canEdit: boolean; onSaved?: (s: LandlordSettings) => void }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const [saved, setSaved] = useState(false);
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: settings });
  const { isDirty } = form.formState;
  const fieldError = useFieldError(shape, form.formState.errors);

  useEffect(() => {
    form.reset(settings);
  }, [settings, form]);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) => {
        setSaved(false);
        update.mutate(values, {
          onSuccess: (next) => {
            setSaved(true);
            onSaved?.(next);
          },
          onError: (error) =>
            applyIssues(error, form.setError, ['name', 'portalEnabled', 'passwordPolicy', 'defaultLocale', 'invoicesRequireStrongAuth']),
        });
      })}
    >
      <Stack maw={640}>
        {!canEdit && (
          <Alert color="blue" variant="light">
            {t('settings.readOnly')}
          </Alert>
        )}
        <ErrorAlert error={update.error} />
        {saved && !isDirty && (
          <Alert color="green" variant="light" role="status">
            {t('settings.saved')}
          </Alert>
        )}
        <Fieldset legend={t('settings.portalSection')} disabled={!canEdit}>
          <Controller
            control={form.control}
            name="portalEnabled"
            render={({ field }) => (
              <Switch
                label={t('settings.portalEnabled')}
                description={t('settings.portalEnabledHint')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                disabled={!canEdit}
              />
            )}
          />
        </Fieldset>
        <Fieldset legend={t('settings.securitySection')} disabled={!canEdit}>
          <Controller
            control={form.control}
            name="passwordPolicy"
            render={({ field }) => (
              <Radio.Group label={t('settings.passwordPolicy')} value={field.value} onChange={field.onChange} name={field.name}>
                <Stack gap="sm" mt="xs">
                  <Radio
                    value="standard"
                    label={t('settings.policy.standard')}
                    description={t('settings.policy.standardHint', { min: PASSWORD_MIN_LENGTH.standard })}
                    disabled={!canEdit}
                  />
                  <Radio
                    value="classic"
                    label={t('settings.policy.classic')}
                    description={t('settings.policy.classicHint', { min: PASSWORD_MIN_LENGTH.classic })}
                    disabled={!canEdit}
                  />
                </Stack>
              </Radio.Group>
            )}
          />
          <Controller
            control={form.control}
            name="invoicesRequireStrongAuth"
            render={({ field }) => (
              <Switch
                mt="lg"
                label={t('settings.invoicesRequireStrongAuth')}
                description={t('settings.invoicesRequireStrongAuthHint')}
                checked={field.value}
                onChange={(event) => field.onChange(event.currentTarget.checked)}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                disabled={!canEdit}
                error={fieldError('invoicesRequireStrongAuth')}
              />
            )}
          />
        </Fieldset>
        <Fieldset legend={t('settings.organisationSection')} disabled={!canEdit}>
          <Stack>
            <TextInput
              label={t('settings.name')}
              required
              maxLength={maxLengthOf(shape.name)}
              readOnly={!canEdit}
              error={fieldError('name')}
              {...form.register('name')}
            />
            <NativeSelect
              label={t('settings.defaultLocale')}
              description={t('settings.defaultLocaleHint')}
              disabled={!canEdit}
              data={LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) }))}
              {...form.register('defaultLocale')}
            />
          </Stack>
        </Fieldset>
        {canEdit && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t('settings.save')}
            </Button>
            {isDirty && (
              <Text size="sm" c="dimmed">
                {t('settings.unsaved')}
              </Text>
            )}
          </Group>
        )}
      </Stack>
    </form>
  );
}

export function SettingsForm({ canEdit, onSaved }: { canEdit: boolean; onSaved?: (s: LandlordSettings) => void }) {
  const settings = useSettings();
  if (settings.isPending) return <Loading />;
  if (settings.isError) return <ErrorAlert error={settings.error} />;
  return <Form settings={settings.data} canEdit={canEdit} onSaved={onSaved} />;
}

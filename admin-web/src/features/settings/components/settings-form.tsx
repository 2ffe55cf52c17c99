import { zodResolver } from '@hookform/resolvers/zod';
import {
  ActionIcon,
  Alert,
  Button,
  ColorSwatch,
  Fieldset,
  FileButton,
  Group,
  Image,
  NativeSelect,
  Radio,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { type LandlordSettings, LandlordSettingsPatchSchema, MAX_USEFUL_LINKS } from '@portico/shared/contracts/settings';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES } from '@portico/shared/locale';
import { PASSWORD_MIN_LENGTH } from '@portico/shared/password-policy';
import { useEffect, useState } from 'react';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useSettings } from '../api/get-settings';
import { LOGO_PATH, useRemoveLogo, useUploadLogo } from '../api/logo';
import { useUpdateSettings } from '../api/update-settings';

/** The contract's patch, every field of it: the form always saves the whole settings. */
const FormSchema = LandlordSettingsPatchSchema.required();
const { shape } = FormSchema;
type FormInput = z.input<typeof FormSchema>;
type FormOutput = z.output<typeof FormSchema>;

/** An emptied optional field is sent as null (the API removes it) rather than "" (which no rule accepts). */
const emptyAsNull = { setValueAs: (v: unknown) => (v === '' ? null : v) };

const ACCOUNTS = ['bankgiro', 'plusgiro', 'fiCreditor', 'iban', 'bic'] as const;

function toFormValues(s: LandlordSettings): FormInput {
  return {
    name: s.name,
    portalEnabled: s.portalEnabled,
    portalScope: s.portalScope,
    passwordPolicy: s.passwordPolicy,
    defaultLocale: s.defaultLocale,
    invoicesRequireStrongAuth: s.invoicesRequireStrongAuth,
    orgNumber: s.orgNumber,
    paymentAccounts: Object.fromEntries(ACCOUNTS.map((k) => [k, s.paymentAccounts[k] ?? null])),
    smsSender: s.smsSender,
    brandName: s.brandName,
    brandColour: s.brandColour,
    supportEmail: s.supportEmail,
    supportPhone: s.supportPhone,
    usefulLinks: s.usefulLinks,
  };
}

/** The logo is its own upload (not part of the form's save): PNG, JPEG or WebP; the API sniffs it. */
function LogoField({ hasLogo, canEdit }: { hasLogo: boolean; canEdit: boolean }) {
  const { t } = useTranslation();
  const upload = useUploadLogo();
  const remove = useRemoveLogo();
  const [version, setVersion] = useState(0);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={500}>
        {t('settings.logo')}
      </Text>
      <Text size="xs" c="dimmed">
        {t('settings.logoHint')}
      </Text>
      <ErrorAlert error={upload.error ?? remove.error} />
      {hasLogo && <Image src={`${LOGO_PATH}?v=${version}`} alt={t('settings.logoAlt')} h={64} w="auto" fit="contain" />}
      {canEdit && (
        <Group gap="xs">
          <FileButton
            accept="image/png,image/jpeg,image/webp"
            onChange={(file) => file && upload.mutate(file, { onSuccess: () => setVersion((v) => v + 1) })}
          >
            {(props) => (
              <Button {...props} variant="default" loading={upload.isPending}>
                {t('settings.logoUpload')}
              </Button>
            )}
          </FileButton>
          {hasLogo && (
            <Button variant="subtle" color="red.9" loading={remove.isPending} onClick={() => remove.mutate()}>
              {t('settings.logoRemove')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

function Form({ settings, canEdit, onSaved }: { settings: LandlordSettings; canEdit: boolean; onSaved?: (s: LandlordSettings) => void }) {
  const { t } = useTranslation();
  const update = useUpdateSettings();
  const [saved, setSaved] = useState(false);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: toFormValues(settings),
  });
  const links = useFieldArray({ control: form.control, name: 'usefulLinks' });
  const errors = form.formState.errors;
  const nested = (error: { message?: string; type?: unknown } | undefined) =>
    error?.message ? (error.type === 'server' ? error.message : t(error.message)) : undefined;
  const { isDirty } = form.formState;
  const fieldError = useFieldError(shape, form.formState.errors);

  useEffect(() => {
    form.reset(toFormValues(settings));
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
            applyIssues(error, form.setError, [
              'name',
              'portalEnabled',
              'portalScope',
              'passwordPolicy',
              'defaultLocale',
              'invoicesRequireStrongAuth',
              'orgNumber',
              'smsSender',
              'brandName',
              'brandColour',
              'supportEmail',
              'supportPhone',
              'usefulLinks',
            ]),
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
          <Controller
            control={form.control}
            name="portalScope"
            render={({ field }) => (
              <Radio.Group
                mt="md"
                label={t('settings.portalScope')}
                description={t('settings.portalScopeHint')}
                value={field.value}
                onChange={field.onChange}
                name={field.name}
              >
                <Stack gap="xs" mt="xs">
                  <Radio value="all" label={t('settings.portalScopeAll')} disabled={!canEdit} />
                  <Radio value="selected" label={t('settings.portalScopeSelected')} disabled={!canEdit} />
                </Stack>
              </Radio.Group>
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
        <Fieldset legend={t('settings.paymentSection')} disabled={!canEdit}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('settings.paymentHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {ACCOUNTS.map((key) => (
              <TextInput
                key={key}
                label={t(`settings.${key}`)}
                readOnly={!canEdit}
                autoComplete="off"
                error={nested(errors.paymentAccounts?.[key])}
                {...form.register(`paymentAccounts.${key}`, emptyAsNull)}
              />
            ))}
          </SimpleGrid>
          <TextInput
            mt="md"
            label={t('settings.orgNumber')}
            description={t('settings.orgNumberHint')}
            readOnly={!canEdit}
            autoComplete="off"
            error={fieldError('orgNumber')}
            {...form.register('orgNumber', emptyAsNull)}
          />
        </Fieldset>
        <Fieldset legend={t('settings.smsSection')} disabled={!canEdit}>
          <TextInput
            label={t('settings.smsSender')}
            description={t('settings.smsSenderHint')}
            readOnly={!canEdit}
            maxLength={15}
            error={fieldError('smsSender')}
            {...form.register('smsSender', emptyAsNull)}
          />
        </Fieldset>
        <Fieldset legend={t('settings.brandingSection')} disabled={!canEdit}>
          <Stack>
            <TextInput
              label={t('settings.brandName')}
              description={t('settings.brandNameHint')}
              readOnly={!canEdit}
              error={fieldError('brandName')}
              {...form.register('brandName', emptyAsNull)}
            />
            <TextInput
              label={t('settings.brandColour')}
              description={t('settings.brandColourHint')}
              placeholder="#1a5fb4"
              readOnly={!canEdit}
              maxLength={7}
              leftSection={form.watch('brandColour') ? <ColorSwatch color={form.watch('brandColour') ?? '#fff'} size={18} /> : null}
              error={fieldError('brandColour')}
              {...form.register('brandColour', emptyAsNull)}
            />
            <LogoField hasLogo={settings.hasLogo} canEdit={canEdit} />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('settings.supportSection')} disabled={!canEdit}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('settings.supportHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('settings.supportEmail')}
              type="email"
              readOnly={!canEdit}
              error={fieldError('supportEmail')}
              {...form.register('supportEmail', emptyAsNull)}
            />
            <TextInput
              label={t('settings.supportPhone')}
              type="tel"
              readOnly={!canEdit}
              error={fieldError('supportPhone')}
              {...form.register('supportPhone', emptyAsNull)}
            />
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('settings.linksSection')} disabled={!canEdit}>
          <Text size="sm" c="dimmed" mb="xs">
            {t('settings.linksHint', { max: MAX_USEFUL_LINKS })}
          </Text>
          <Stack gap="sm">
            {links.fields.map((field, index) => (
              <Group key={field.id} align="end" gap="xs" wrap="wrap">
                <TextInput
                  label={t('settings.linkTitle')}
                  readOnly={!canEdit}
                  style={{ flex: '1 1 10rem' }}
                  error={nested(errors.usefulLinks?.[index]?.title)}
                  {...form.register(`usefulLinks.${index}.title`)}
                />
                <TextInput
                  label={t('settings.linkUrl')}
                  type="url"
                  readOnly={!canEdit}
                  style={{ flex: '2 1 14rem' }}
                  error={nested(errors.usefulLinks?.[index]?.url)}
                  {...form.register(`usefulLinks.${index}.url`)}
                />
                {canEdit && (
                  <Group gap={4}>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      disabled={index === 0}
                      onClick={() => links.move(index, index - 1)}
                      aria-label={t('settings.moveUp', { n: index + 1 })}
                    >
                      ↑
                    </ActionIcon>
                    <ActionIcon
                      variant="default"
                      size="lg"
                      color="red.9"
                      onClick={() => links.remove(index)}
                      aria-label={t('settings.removeLink', { n: index + 1 })}
                    >
                      ×
                    </ActionIcon>
                  </Group>
                )}
              </Group>
            ))}
            {canEdit && links.fields.length < MAX_USEFUL_LINKS && (
              <div>
                <Button variant="default" onClick={() => links.append({ title: '', url: 'https://' })}>
                  {t('settings.addLink')}
                </Button>
              </div>
            )}
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

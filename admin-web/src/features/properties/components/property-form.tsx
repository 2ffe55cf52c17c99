import { zodResolver } from '@hookform/resolvers/zod';
import { Button, CloseButton, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { type PropertyDetail, PropertyFieldsSchema } from '@portico/shared/contracts/properties';
import { formIssueKey } from '@portico/shared/form-issues';
import { ApiRequestError } from '@portico/shared/http';
import { Controller, useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues, errorMessage } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useStaffOptions } from '../api/get-staff-options';
import { useCreateProperty, useUpdateProperty } from '../api/save-property';

/** The contract's fields the console edits (the external id is the import's and integrators'). */
const FormSchema = PropertyFieldsSchema.omit({ externalId: true });
type FormValues = z.input<typeof FormSchema>;
const { shape } = FormSchema;
const FIELDS = [
  'name',
  'designation',
  'street',
  'postalCode',
  'city',
  'description',
  'yearBuilt',
  'totalAreaM2',
  'floors',
  'facts',
  'areaInfo',
  'managerId',
  'customerManagerId',
  'portalEnabled',
] as const;

/** The API's answer that belongs on the postal code field (its rule depends on the landlord's country). */
const onField = (error: unknown) => error instanceof ApiRequestError && error.code === 'postal_code_invalid';

const numberOrNull = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));
const textOrNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

function valuesOf(p: PropertyDetail | undefined): FormValues {
  return {
    name: p?.name ?? '',
    designation: p?.designation ?? '',
    street: p?.street ?? '',
    postalCode: p?.postalCode ?? '',
    city: p?.city ?? '',
    description: p?.description ?? null,
    yearBuilt: p?.yearBuilt ?? null,
    totalAreaM2: p?.totalAreaM2 ?? null,
    floors: p?.floors ?? null,
    facts: p?.facts ?? [],
    areaInfo: p?.areaInfo ?? null,
    managerId: p?.manager?.id ?? null,
    customerManagerId: p?.customerManager?.id ?? null,
    portalEnabled: p?.portalEnabled ?? false,
  };
}

/** Create (no `property`) or edit a property; calls `onSaved` with the saved property. */
export function PropertyForm({
  property,
  onSaved,
  onCancel,
}: {
  property?: PropertyDetail;
  onSaved: (p: PropertyDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateProperty();
  const update = useUpdateProperty(property?.id ?? '');
  const save = property ? update : create;
  const staff = useStaffOptions();
  const form = useForm<FormValues>({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: valuesOf(property) });
  const facts = useFieldArray({ control: form.control, name: 'facts' });
  const fieldError = useFieldError(shape, form.formState.errors);
  const staffData = [
    { value: '', label: t('properties.nobody') },
    ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name })),
  ];
  const factErrors = form.formState.errors.facts;

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((values) =>
        save.mutate(values as z.output<typeof FormSchema>, {
          onSuccess: onSaved,
          onError: (error) => {
            applyIssues(error, form.setError, FIELDS);
            if (onField(error)) form.setError('postalCode', { type: 'server', message: errorMessage(t, error) });
          },
        }),
      )}
    >
      <Stack maw={720}>
        {!onField(save.error) && <ErrorAlert error={save.error} />}
        <Fieldset legend={t('properties.section.identity')}>
          <Stack>
            <TextInput
              label={t('properties.field.name')}
              required
              maxLength={maxLengthOf(shape.name)}
              error={fieldError('name')}
              {...form.register('name')}
            />
            <TextInput
              label={t('properties.field.designation')}
              description={t('properties.designationHint')}
              maxLength={maxLengthOf(shape.designation)}
              error={fieldError('designation')}
              {...form.register('designation')}
            />
            <TextInput
              label={t('properties.field.street')}
              required
              maxLength={maxLengthOf(shape.street)}
              error={fieldError('street')}
              {...form.register('street')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('properties.field.postalCode')}
                description={t('properties.postalCodeHint')}
                required
                maxLength={maxLengthOf(shape.postalCode)}
                error={fieldError('postalCode')}
                {...form.register('postalCode')}
              />
              <TextInput
                label={t('properties.field.city')}
                required
                maxLength={maxLengthOf(shape.city)}
                error={fieldError('city')}
                {...form.register('city')}
              />
            </SimpleGrid>
            <Textarea
              label={t('properties.field.description')}
              autosize
              minRows={2}
              maxLength={maxLengthOf(shape.description)}
              error={fieldError('description')}
              {...form.register('description', { setValueAs: textOrNull })}
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('properties.section.facts')}>
          <Stack>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t('properties.field.yearBuilt')}
                inputMode="numeric"
                error={fieldError('yearBuilt')}
                {...form.register('yearBuilt', { setValueAs: numberOrNull })}
              />
              <TextInput
                label={t('properties.field.totalAreaM2')}
                inputMode="decimal"
                error={fieldError('totalAreaM2')}
                {...form.register('totalAreaM2', { setValueAs: numberOrNull })}
              />
              <TextInput
                label={t('properties.field.floors')}
                inputMode="numeric"
                error={fieldError('floors')}
                {...form.register('floors', { setValueAs: numberOrNull })}
              />
            </SimpleGrid>
            {facts.fields.map((f, i) => (
              <Group key={f.id} align="flex-end" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  label={t('properties.factLabel', { n: i + 1 })}
                  maxLength={60}
                  error={factErrors?.[i]?.label?.message ? t(factErrors[i].label.message) : undefined}
                  {...form.register(`facts.${i}.label`)}
                />
                <TextInput
                  style={{ flex: 2 }}
                  label={t('properties.factValue', { n: i + 1 })}
                  maxLength={200}
                  error={factErrors?.[i]?.value?.message ? t(factErrors[i].value.message) : undefined}
                  {...form.register(`facts.${i}.value`)}
                />
                <CloseButton mb={4} aria-label={t('properties.removeFact', { n: i + 1 })} onClick={() => facts.remove(i)} />
              </Group>
            ))}
            <Group>
              <Button variant="default" size="xs" onClick={() => facts.append({ label: '', value: '' })}>
                {t('properties.addFact')}
              </Button>
            </Group>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('properties.section.area')}>
          <Textarea
            label={t('properties.field.areaInfo')}
            description={t('properties.areaInfoHint')}
            autosize
            minRows={3}
            maxLength={maxLengthOf(shape.areaInfo)}
            error={fieldError('areaInfo')}
            {...form.register('areaInfo', { setValueAs: textOrNull })}
          />
        </Fieldset>
        <Fieldset legend={t('properties.section.contacts')}>
          <Stack>
            <NativeSelect
              label={t('properties.field.manager')}
              description={t('properties.managerHint')}
              data={staffData}
              error={fieldError('managerId')}
              {...form.register('managerId', { setValueAs: (v) => v || null })}
            />
            <NativeSelect
              label={t('properties.field.customerManager')}
              data={staffData}
              error={fieldError('customerManagerId')}
              {...form.register('customerManagerId', { setValueAs: (v) => v || null })}
            />
            <Controller
              control={form.control}
              name="portalEnabled"
              render={({ field }) => (
                <Switch
                  label={t('properties.field.portalEnabled')}
                  description={t('properties.portalEnabledHint')}
                  checked={field.value ?? false}
                  onChange={(event) => field.onChange(event.currentTarget.checked)}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                />
              )}
            />
          </Stack>
        </Fieldset>
        <Group>
          <Button type="submit" loading={save.isPending}>
            {property ? t('properties.save') : t('properties.create')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('properties.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

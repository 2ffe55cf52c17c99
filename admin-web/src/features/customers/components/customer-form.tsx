import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Fieldset, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import {
  type Country,
  type CustomerDetail,
  CustomerFieldsSchema,
  CustomerKindSchema,
  parseCustomerIdentity,
} from '@portico/shared/contracts/customers';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES } from '@portico/shared/locale';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { blankOr, blanksAsNull, maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateCustomer } from '../api/create-customer';
import { useUpdateCustomer } from '../api/update-customer';

const { shape: c } = CustomerFieldsSchema;
/** The contract's fields as text inputs (blank = none); the identity number checked against the kind as it is typed. */
const formSchema = (country: Country | undefined) =>
  z
    .object({
      kind: CustomerKindSchema,
      name: c.name,
      identityNumber: blankOr(c.identityNumber.unwrap().unwrap()),
      email: blankOr(c.email.unwrap().unwrap()),
      phone: blankOr(c.phone.unwrap().unwrap()),
      locale: z.string(),
      street: blankOr(c.street.unwrap().unwrap()),
      postalCode: blankOr(c.postalCode.unwrap().unwrap()),
      city: blankOr(c.city.unwrap().unwrap()),
      externalId: blankOr(c.externalId.unwrap().unwrap()),
    })
    .superRefine((v, ctx) => {
      if (v.identityNumber.trim() && !parseCustomerIdentity(v.kind, v.identityNumber, country))
        ctx.addIssue({ code: 'custom', message: 'errors:identity_number_invalid', path: ['identityNumber'], input: v.identityNumber });
    });
type FormValues = z.infer<ReturnType<typeof formSchema>>;
const FIELDS = ['kind', 'name', 'identityNumber', 'email', 'phone', 'locale', 'street', 'postalCode', 'city', 'externalId'] as const;

const valuesOf = (customer?: CustomerDetail): FormValues => ({
  kind: customer?.kind ?? 'company',
  name: customer?.name ?? '',
  identityNumber: customer?.identityNumber ?? '',
  email: customer?.email ?? '',
  phone: customer?.phone ?? '',
  locale: customer?.locale ?? '',
  street: customer?.street ?? '',
  postalCode: customer?.postalCode ?? '',
  city: customer?.city ?? '',
  externalId: customer?.externalId ?? '',
});

/** Create (no `customer`) or edit a customer; the landlord's country decides the identity formats when known. */
export function CustomerForm({
  customer,
  onSaved,
  onCancel,
}: {
  customer?: CustomerDetail;
  onSaved: (customer: CustomerDetail) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const update = useUpdateCustomer();
  const mutation = customer ? update : create;
  const schema = formSchema(customer?.country);
  const form = useForm<FormValues>({
    resolver: zodResolver(schema, { error: formIssueKey }),
    defaultValues: valuesOf(customer),
    // Checked as it is typed once a field has been left (identity numbers, e-mail, mobile).
    mode: 'onTouched',
  });
  const fieldError = useFieldError(schema.shape, form.formState.errors);
  const kind = form.watch('kind');

  return (
    <form
      noValidate
      aria-label={customer ? t('customerForm.editLabel') : t('customerForm.createLabel')}
      onSubmit={form.handleSubmit((values) => {
        const body = { ...blanksAsNull(values), kind: values.kind, name: values.name, locale: (values.locale || null) as never };
        const onError = (error: unknown) => applyIssues(error, form.setError, FIELDS);
        if (customer) {
          const { kind: _, ...patch } = body;
          update.mutate({ customerId: customer.id, ...patch }, { onSuccess: onSaved, onError });
        } else create.mutate(body, { onSuccess: onSaved, onError });
      })}
    >
      <Stack maw={720} gap="sm">
        <ErrorAlert error={mutation.error} />
        {!customer && (
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Radio.Group label={t('customers.kindLabel')} value={field.value} onChange={field.onChange} name={field.name}>
                <Group mt={4}>
                  {CustomerKindSchema.options.map((k) => (
                    <Radio key={k} value={k} label={t(`customers.kind.${k}`)} />
                  ))}
                </Group>
              </Radio.Group>
            )}
          />
        )}
        <TextInput
          label={kind === 'person' ? t('customerForm.personName') : t('customerForm.companyName')}
          required
          maxLength={maxLengthOf(c.name)}
          error={fieldError('name')}
          {...form.register('name')}
        />
        <TextInput
          label={kind === 'person' ? t('customerForm.personalNumber') : t('customerForm.orgNumber')}
          description={kind === 'person' ? t('customerForm.personalNumberHint') : t('customerForm.orgNumberHint')}
          maxLength={maxLengthOf(c.identityNumber)}
          autoComplete="off"
          inputMode="numeric"
          error={fieldError('identityNumber')}
          {...form.register('identityNumber')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('customers.email')}
            type="email"
            maxLength={maxLengthOf(c.email)}
            autoComplete="off"
            error={fieldError('email')}
            {...form.register('email')}
          />
          <TextInput
            label={t('customerForm.mobile')}
            description={t('customerForm.mobileHint')}
            type="tel"
            maxLength={maxLengthOf(c.phone)}
            autoComplete="off"
            error={fieldError('phone')}
            {...form.register('phone')}
          />
        </SimpleGrid>
        <NativeSelect
          label={t('customerForm.locale')}
          data={[
            { value: '', label: t('customerForm.localeDefault') },
            ...LOCALES.map((l) => ({ value: l, label: t(`common:language.${l}`, { lng: l }) })),
          ]}
          {...form.register('locale')}
        />
        <Fieldset legend={t('customerForm.billingAddress')}>
          <Stack gap="sm">
            <TextInput
              label={t('customerForm.street')}
              maxLength={maxLengthOf(c.street)}
              error={fieldError('street')}
              {...form.register('street')}
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('customerForm.postalCode')}
                maxLength={maxLengthOf(c.postalCode)}
                error={fieldError('postalCode')}
                {...form.register('postalCode')}
              />
              <TextInput
                label={t('customerForm.city')}
                maxLength={maxLengthOf(c.city)}
                error={fieldError('city')}
                {...form.register('city')}
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <TextInput
          label={t('customerForm.externalId')}
          description={t('customerForm.externalIdHint')}
          maxLength={maxLengthOf(c.externalId)}
          error={fieldError('externalId')}
          {...form.register('externalId')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {customer ? t('customerForm.save') : t('customerForm.create')}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('customerForm.cancel')}
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}

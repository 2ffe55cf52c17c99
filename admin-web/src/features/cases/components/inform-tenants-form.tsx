import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, NativeSelect, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { type CaseDetail, RelatedCaseFieldsSchema } from '@portico/shared/contracts/cases';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { blankAsNone, maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateRelatedCase } from '../api/create-related-case';
import { useProperties } from '../api/get-properties';

type Audience = 'customer' | 'property';

/** The contract's fields; the customer comes from the route's picker, and the audience decides which id is sent. */
const FormSchema = RelatedCaseFieldsSchema.pick({ propertyId: true, title: true, description: true, sms: true });
const { shape } = FormSchema;

/**
 * Seed 001 "relaterade ärenden": information to one customer or to every customer in a property,
 * optionally also by SMS. The customer picker comes from the route.
 */
export function InformTenantsForm({
  customer,
  renderCustomerPicker,
  onCreated,
}: {
  customer: { id: string } | null;
  renderCustomerPicker: (props: { error?: string }) => ReactNode;
  onCreated: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateRelatedCase();
  const properties = useProperties();
  const [audience, setAudience] = useState<Audience>('customer');
  const [customerError, setCustomerError] = useState<string | undefined>();

  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    // The empty property option means none chosen (blankAsNone), as the contract's optional id expects.
    defaultValues: { propertyId: undefined, title: '', description: '', sms: false },
  });
  const fieldError = useFieldError(shape, form.formState.errors);

  const customerId = customer?.id;
  useEffect(() => {
    if (customerId) setCustomerError(undefined);
  }, [customerId]);

  const propertyOptions = properties.data?.items ?? [];

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (audience === 'customer' && !customer) setCustomerError(t('compose.chooseCustomer'));
        void form.handleSubmit((values) => {
          if (audience === 'customer' && !customer) return;
          if (audience === 'property' && !values.propertyId) {
            form.setError('propertyId', { type: 'required', message: 'cases.inform.chooseProperty' });
            return;
          }
          create.mutate(
            {
              title: values.title,
              description: values.description,
              sms: values.sms,
              ...(audience === 'customer' ? { customerId: customer?.id } : { propertyId: values.propertyId }),
            },
            {
              onSuccess: onCreated,
              onError: (error) => {
                const rest = applyIssues(error, form.setError, ['propertyId', 'title', 'description', 'sms']);
                const customerIssue = rest.find((i) => i.path === 'customerId');
                if (customerIssue) setCustomerError(customerIssue.message);
              },
            },
          );
        })(event);
      }}
    >
      <Stack>
        <ErrorAlert error={create.error} />
        <Radio.Group label={t('cases.inform.audience')} value={audience} onChange={(value) => setAudience(value as Audience)}>
          <Stack gap="xs" mt={6}>
            <Radio value="customer" label={t('cases.inform.oneCustomer')} />
            <Radio value="property" label={t('cases.inform.wholeProperty')} />
          </Stack>
        </Radio.Group>
        {audience === 'customer' ? (
          renderCustomerPicker({ error: customerError })
        ) : (
          <NativeSelect
            label={t('cases.property')}
            required
            error={fieldError('propertyId') ?? (properties.isError ? t('errors:internal_error') : undefined)}
            data={[
              { value: '', label: t('cases.inform.propertyPlaceholder') },
              ...propertyOptions.map((p) => ({
                value: p.id,
                label: t('cases.inform.propertyOption', { name: p.name, count: p.customerCount }),
              })),
            ]}
            {...form.register('propertyId', { setValueAs: blankAsNone })}
          />
        )}
        <TextInput
          label={t('cases.inform.subject')}
          required
          maxLength={maxLengthOf(shape.title)}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('cases.inform.message')}
          required
          autosize
          minRows={5}
          maxRows={16}
          maxLength={maxLengthOf(shape.description)}
          error={fieldError('description')}
          {...form.register('description')}
        />
        <Checkbox label={t('cases.inform.sms')} description={t('cases.inform.smsHint')} {...form.register('sms')} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('cases.inform.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

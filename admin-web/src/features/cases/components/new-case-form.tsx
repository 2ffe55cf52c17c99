import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import { CASE_TYPES, type CaseDetail, StaffNewCaseBodySchema } from '@portico/shared/contracts/cases';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { LeaseSelect } from '@/components/lease-select';
import { applyIssues } from '@/lib/errors';
import { blankAsNone, maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateCase } from '../api/create-case';
import { useObjects } from '../api/get-objects';
import { useStaff } from '../api/get-staff';

export type CaseCustomer = { id: string; name: string; leases: LeaseRef[] };

/** Seed 003's location and contact fields, in its order. */
const LOCATION_FIELDS = [
  { key: 'siteName' },
  { key: 'street' },
  { key: 'postalCode' },
  { key: 'city' },
  { key: 'reporterName' },
  { key: 'reporterPhone', tel: true },
  { key: 'sitePhone1', tel: true },
  { key: 'sitePhone2', tel: true },
] as const;
const BILLING_FIELDS = [{ key: 'doorCode' }, { key: 'agreementNumber' }, { key: 'invoiceMarking' }] as const;
const TEXT_FIELDS = [...LOCATION_FIELDS, ...BILLING_FIELDS].map((f) => f.key);
type TextField = (typeof TEXT_FIELDS)[number];

/** The contract's fields this form edits; customer and attachments come from outside the form. */
const FormSchema = StaffNewCaseBodySchema.pick({
  leaseId: true,
  title: true,
  description: true,
  type: true,
  objectId: true,
  assigneeId: true,
  masterKeyAllowed: true,
  siteName: true,
  street: true,
  postalCode: true,
  city: true,
  reporterName: true,
  reporterPhone: true,
  sitePhone1: true,
  sitePhone2: true,
  doorCode: true,
  agreementNumber: true,
  invoiceMarking: true,
});
const { shape } = FormSchema;

/** The customer picker comes from the route (it belongs to the customers feature). */
export function NewCaseForm({
  customer,
  renderCustomerPicker,
  onCreated,
}: {
  customer: CaseCustomer | null;
  renderCustomerPicker: (props: { error?: string }) => ReactNode;
  onCreated: (detail: CaseDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateCase();
  const objects = useObjects();
  const staff = useStaff();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [customerError, setCustomerError] = useState<string | undefined>();
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);

  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      leaseId: '',
      title: '',
      description: '',
      type: 'fault',
      // Empty selects mean "none" (blankAsNone), as the contract's optional ids expect.
      objectId: undefined,
      assigneeId: undefined,
      masterKeyAllowed: false,
      ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, ''])) as Record<TextField, string>),
    },
  });
  const fieldError = useFieldError(shape, form.formState.errors);

  const leases = customer?.leases ?? [];
  const customerId = customer?.id;
  const onlyLease = leases.length === 1 ? leases[0]?.id : undefined;
  useEffect(() => {
    form.setValue('leaseId', customerId && onlyLease ? onlyLease : '');
    if (customerId) setCustomerError(undefined);
  }, [customerId, onlyLease, form]);

  // The lease's address is the likely street; it stays editable.
  const leaseId = form.watch('leaseId');
  const leaseAddress = leases.find((l) => l.id === leaseId)?.address;
  useEffect(() => {
    if (leaseAddress && !form.getValues('street')) form.setValue('street', leaseAddress);
  }, [leaseAddress, form]);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (!customer) setCustomerError(t('compose.chooseCustomer'));
        void form.handleSubmit((values) => {
          if (!customer) return;
          const location = Object.fromEntries(TEXT_FIELDS.map((key) => [key, values[key] || undefined])) as Record<
            TextField,
            string | undefined
          >;
          create.mutate(
            {
              customerId: customer.id,
              leaseId: values.leaseId,
              title: values.title,
              description: values.description,
              type: values.type,
              objectId: values.objectId,
              assigneeId: values.assigneeId,
              masterKeyAllowed: values.masterKeyAllowed,
              ...location,
              attachmentIds: attachments.map((a) => a.id),
            },
            {
              onSuccess: onCreated,
              onError: (error) => {
                const rest = applyIssues(error, form.setError, [
                  'leaseId',
                  'title',
                  'description',
                  'type',
                  'objectId',
                  'assigneeId',
                  'masterKeyAllowed',
                  ...TEXT_FIELDS,
                ]);
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
        {renderCustomerPicker({ error: customerError })}
        <LeaseSelect
          hasCustomer={Boolean(customer)}
          leases={leases}
          error={fieldError('leaseId', { chooseKey: 'compose.chooseLease' })}
          registration={form.register('leaseId')}
        />
        <TextInput
          label={t('cases.form.title')}
          description={t('cases.form.titleHint')}
          required
          maxLength={maxLengthOf(shape.title)}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('cases.form.description')}
          description={t('cases.form.descriptionHint')}
          required
          autosize
          minRows={5}
          maxRows={20}
          error={fieldError('description')}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('cases.form.type')}
            error={fieldError('type')}
            data={CASE_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) }))}
            {...form.register('type')}
          />
          <NativeSelect
            label={t('cases.object')}
            description={objects.isError ? t('cases.form.objectsUnavailable') : undefined}
            error={fieldError('objectId')}
            data={[
              { value: '', label: t('cases.form.noObject') },
              ...(objects.data?.items ?? []).map((o) => ({
                value: o.id,
                label: [o.number, [o.type, o.make, o.model].filter(Boolean).join(' '), o.location].filter(Boolean).join(' · '),
              })),
            ]}
            {...form.register('objectId', { setValueAs: blankAsNone })}
          />
          <NativeSelect
            label={t('cases.assignee')}
            error={fieldError('assigneeId')}
            data={[{ value: '', label: t('cases.unassigned') }, ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            {...form.register('assigneeId', { setValueAs: blankAsNone })}
          />
        </SimpleGrid>
        <Fieldset legend={t('cases.form.locationLegend')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {LOCATION_FIELDS.map((field) => (
              <TextInput
                key={field.key}
                label={t(`cases.location.${field.key}`)}
                maxLength={maxLengthOf(shape[field.key])}
                type={'tel' in field ? 'tel' : 'text'}
                autoComplete="off"
                error={fieldError(field.key)}
                {...form.register(field.key)}
              />
            ))}
          </SimpleGrid>
        </Fieldset>
        <Fieldset legend={t('cases.form.accessLegend')} variant="unstyled">
          <Stack gap="sm">
            <Checkbox label={t('cases.location.masterKeyAllowed')} {...form.register('masterKeyAllowed')} />
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              {BILLING_FIELDS.map((field) => (
                <TextInput
                  key={field.key}
                  label={t(`cases.location.${field.key}`)}
                  maxLength={maxLengthOf(shape[field.key])}
                  autoComplete="off"
                  error={fieldError(field.key)}
                  {...form.register(field.key)}
                />
              ))}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={onBusyChange} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={uploading}>
            {t('cases.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

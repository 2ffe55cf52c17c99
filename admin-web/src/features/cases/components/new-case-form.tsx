import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import { CASE_TYPES, type CaseDetail } from '@portico/shared/contracts/cases';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { LeaseSelect } from '@/components/lease-select';
import { applyIssues } from '@/lib/errors';
import { useCreateCase } from '../api/create-case';
import { useObjects } from '../api/get-objects';
import { useStaff } from '../api/get-staff';

export type CaseCustomer = { id: string; name: string; leases: LeaseRef[] };

/** Seed 003's location and contact fields, in its order. */
const LOCATION_FIELDS = [
  { key: 'siteName', max: 200 },
  { key: 'street', max: 200 },
  { key: 'postalCode', max: 20 },
  { key: 'city', max: 100 },
  { key: 'reporterName', max: 200 },
  { key: 'reporterPhone', max: 40, tel: true },
  { key: 'sitePhone1', max: 40, tel: true },
  { key: 'sitePhone2', max: 40, tel: true },
] as const;
const BILLING_FIELDS = [
  { key: 'doorCode', max: 40 },
  { key: 'agreementNumber', max: 60 },
  { key: 'invoiceMarking', max: 120 },
] as const;
const TEXT_FIELDS = [...LOCATION_FIELDS, ...BILLING_FIELDS].map((f) => f.key);
type TextField = (typeof TEXT_FIELDS)[number];

const optional = (value: string) => value.trim() || undefined;

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

  const text = (max: number) => z.string().max(max, t('validation.tooLong', { max }));
  const schema = z.object({
    leaseId: z.string().min(1, t('compose.chooseLease')),
    title: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .max(200, t('validation.tooLong', { max: 200 })),
    description: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .max(10_000, t('validation.tooLong', { max: 10_000 })),
    type: z.enum(CASE_TYPES),
    objectId: z.string(),
    assigneeId: z.string(),
    masterKeyAllowed: z.boolean(),
    siteName: text(200),
    street: text(200),
    postalCode: text(20),
    city: text(100),
    reporterName: text(200),
    reporterPhone: text(40),
    sitePhone1: text(40),
    sitePhone2: text(40),
    doorCode: text(40),
    agreementNumber: text(60),
    invoiceMarking: text(120),
  });
  type Values = z.infer<typeof schema>;
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: {
      leaseId: '',
      title: '',
      description: '',
      type: 'fault',
      objectId: '',
      assigneeId: '',
      masterKeyAllowed: false,
      ...(Object.fromEntries(TEXT_FIELDS.map((key) => [key, ''])) as Record<TextField, string>),
    },
  });
  const { errors } = form.formState;

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
          const location = Object.fromEntries(TEXT_FIELDS.map((key) => [key, optional(values[key])])) as Record<
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
              objectId: values.objectId || undefined,
              assigneeId: values.assigneeId || undefined,
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
          error={errors.leaseId?.message}
          registration={form.register('leaseId')}
        />
        <TextInput
          label={t('cases.form.title')}
          description={t('cases.form.titleHint')}
          required
          maxLength={200}
          error={errors.title?.message}
          {...form.register('title')}
        />
        <Textarea
          label={t('cases.form.description')}
          description={t('cases.form.descriptionHint')}
          required
          autosize
          minRows={5}
          maxRows={20}
          error={errors.description?.message}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <NativeSelect
            label={t('cases.form.type')}
            error={errors.type?.message}
            data={CASE_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) }))}
            {...form.register('type')}
          />
          <NativeSelect
            label={t('cases.object')}
            description={objects.isError ? t('cases.form.objectsUnavailable') : undefined}
            error={errors.objectId?.message}
            data={[
              { value: '', label: t('cases.form.noObject') },
              ...(objects.data?.items ?? []).map((o) => ({
                value: o.id,
                label: [o.number, [o.type, o.make, o.model].filter(Boolean).join(' '), o.location].filter(Boolean).join(' · '),
              })),
            ]}
            {...form.register('objectId')}
          />
          <NativeSelect
            label={t('cases.assignee')}
            error={errors.assigneeId?.message}
            data={[{ value: '', label: t('cases.unassigned') }, ...(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))]}
            {...form.register('assigneeId')}
          />
        </SimpleGrid>
        <Fieldset legend={t('cases.form.locationLegend')} variant="unstyled">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {LOCATION_FIELDS.map((field) => (
              <TextInput
                key={field.key}
                label={t(`cases.location.${field.key}`)}
                maxLength={field.max}
                type={'tel' in field ? 'tel' : 'text'}
                autoComplete="off"
                error={errors[field.key]?.message}
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
                  maxLength={field.max}
                  autoComplete="off"
                  error={errors[field.key]?.message}
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

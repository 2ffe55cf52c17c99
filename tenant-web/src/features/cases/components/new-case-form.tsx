import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Fieldset, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import { type CaseDetail, type CaseLocation, type EquipmentObject, NewCaseBodySchema } from '@portico/shared/contracts/cases';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AttachmentInput } from '@/components/attachment-input';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { blankAsMissing } from '@/lib/form';
import { leaseLabel } from '@/lib/format';
import { useCreateCase } from '../api/create-case';
import { useCasePrefill } from '../api/get-case-prefill';
import { useObjects } from '../api/get-objects';

/**
 * The contract's fields; the attachments come from their own input. The lease and the object are
 * chosen in selects that give '' for "none"; the location fields are sent only when filled in.
 */
const NewCaseSchema = NewCaseBodySchema.omit({ attachmentIds: true }).extend({
  leaseId: blankAsMissing(NewCaseBodySchema.shape.leaseId),
  objectId: blankAsMissing(NewCaseBodySchema.shape.objectId),
});
/** The tenant may open these types; `information` is for the landlord's related cases. */
const TENANT_CASE_TYPES = NewCaseBodySchema.shape.type.unwrap().options;
const TITLE_MAX = NewCaseBodySchema.shape.title.maxLength ?? undefined;
type NewCaseValues = z.input<typeof NewCaseSchema>;

/** Seed 003's location and contact fields, in its order, with their labels. */
const LOCATION_FIELDS = [
  ['siteName', 'newCase.siteName'],
  ['street', 'newCase.street'],
  ['postalCode', 'newCase.postalCode'],
  ['city', 'newCase.city'],
  ['reporterName', 'newCase.reporterName'],
  ['reporterPhone', 'newCase.reporterPhone'],
  ['sitePhone1', 'newCase.sitePhone1'],
  ['sitePhone2', 'newCase.sitePhone2'],
] as const satisfies readonly (readonly [keyof CaseLocation & keyof NewCaseValues, string])[];
const ACCESS_FIELDS = [
  ['doorCode', 'newCase.doorCode'],
  ['agreementNumber', 'newCase.agreementNumber'],
  ['invoiceMarking', 'newCase.invoiceMarking'],
] as const satisfies readonly (readonly [keyof CaseLocation & keyof NewCaseValues, string])[];
const TEXT_LOCATION_FIELDS = [...LOCATION_FIELDS, ...ACCESS_FIELDS].map(([name]) => name);

const PHONE_FIELDS: ReadonlySet<string> = new Set(['reporterPhone', 'sitePhone1', 'sitePhone2']);

const AUTOCOMPLETE: Partial<Record<keyof NewCaseValues, string>> = {
  street: 'street-address',
  postalCode: 'postal-code',
  city: 'address-level2',
  reporterName: 'name',
  reporterPhone: 'tel',
};

/** "M-1042 – Dishwasher – Kitchen, floor 2" */
function objectLabel(object: EquipmentObject): string {
  return [object.number, object.type, object.location].filter(Boolean).join(' – ');
}

/**
 * Seed 003 "Nytt ärende" (and seed 001: describe it, attach a photo or a PDF). The location and contact
 * fields are prefilled from what the landlord knows about the lease and the signed-in person; the user
 * can change them. Fields the user has not touched follow the lease when it is changed.
 */
export function NewCaseForm({
  customerId,
  leases,
  defaultLeaseId,
  onSuccess,
  onCancel,
  renderKnownIssues,
}: {
  customerId: string;
  leases: LeaseRef[];
  defaultLeaseId: string | null;
  onSuccess: (created: CaseDetail) => void;
  onCancel: () => void;
  /** Issue 12 (OPS): what may already be known about the chosen lease's property, shown first. */
  renderKnownIssues?: (leaseId: string) => ReactNode;
}) {
  const { t } = useTranslation();
  const create = useCreateCase(customerId);
  const objects = useObjects(customerId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const initialLease = leases.find((l) => l.id === defaultLeaseId)?.id ?? leases[0]?.id ?? '';
  const form = useForm({
    resolver: zodResolver(NewCaseSchema, { error: formIssueKey }),
    defaultValues: {
      leaseId: initialLease,
      title: '',
      description: '',
      type: 'fault',
      objectId: '',
      siteName: '',
      street: '',
      postalCode: '',
      city: '',
      reporterName: '',
      reporterPhone: '',
      sitePhone1: '',
      sitePhone2: '',
      masterKeyAllowed: false,
      doorCode: '',
      agreementNumber: '',
      invoiceMarking: '',
    },
  });
  const { errors, dirtyFields } = form.formState;
  const leaseId = form.watch('leaseId');
  const prefill = useCasePrefill(customerId, leaseId);
  const issues = fieldIssues(create.error);

  // Fill in what is known for the lease, but never over what the user has written.
  const known = prefill.data;
  // biome-ignore lint/correctness/useExhaustiveDependencies: dirtyFields is read when the prefill arrives, not followed
  useEffect(() => {
    if (!known) return;
    for (const name of TEXT_LOCATION_FIELDS) {
      if (!dirtyFields[name]) form.resetField(name, { defaultValue: known[name] ?? '' });
    }
    if (!dirtyFields.masterKeyAllowed) form.resetField('masterKeyAllowed', { defaultValue: known.masterKeyAllowed });
  }, [known, form]);

  const fieldError = (field: keyof NewCaseValues) => {
    const message = errors[field]?.message;
    if (message) return t(message);
    return issues.has(field) ? t('validation.invalid') : undefined;
  };

  const submit = form.handleSubmit((values) => {
    const optional = (value: string | undefined) => value || undefined;
    create.mutate(
      {
        leaseId: values.leaseId,
        title: values.title,
        description: values.description,
        type: values.type,
        objectId: optional(values.objectId),
        siteName: optional(values.siteName),
        street: optional(values.street),
        postalCode: optional(values.postalCode),
        city: optional(values.city),
        reporterName: optional(values.reporterName),
        reporterPhone: optional(values.reporterPhone),
        sitePhone1: optional(values.sitePhone1),
        sitePhone2: optional(values.sitePhone2),
        masterKeyAllowed: values.masterKeyAllowed,
        doorCode: optional(values.doorCode),
        agreementNumber: optional(values.agreementNumber),
        invoiceMarking: optional(values.invoiceMarking),
        attachmentIds: attachments.map((a) => a.id),
      },
      { onSuccess },
    );
  });

  const textField = ([name, label]: readonly [keyof NewCaseValues & keyof CaseLocation, string]) => (
    <TextInput
      key={name}
      label={t(label)}
      type={PHONE_FIELDS.has(name) ? 'tel' : 'text'}
      autoComplete={AUTOCOMPLETE[name] ?? 'off'}
      error={fieldError(name)}
      {...form.register(name)}
    />
  );

  const objectItems = objects.data?.items ?? [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={create.error} />
        {renderKnownIssues?.(leaseId ?? '')}
        {leases.length > 1 && (
          <NativeSelect
            label={t('newCase.lease')}
            data={leases.map((l) => ({ value: l.id, label: leaseLabel(t, l) }))}
            error={fieldError('leaseId')}
            {...form.register('leaseId')}
          />
        )}
        <TextInput
          label={t('newCase.caseTitle')}
          description={t('newCase.titleHint')}
          maxLength={TITLE_MAX}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('newCase.description')}
          description={t('newCase.descriptionHint')}
          autosize
          minRows={5}
          maxRows={20}
          error={fieldError('description')}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
          <NativeSelect
            label={t('newCase.type')}
            data={TENANT_CASE_TYPES.map((type) => ({ value: type, label: t(`cases.type.${type}`) }))}
            error={fieldError('type')}
            {...form.register('type')}
          />
          <NativeSelect
            label={t('newCase.object')}
            description={t('newCase.objectHint')}
            disabled={objects.isPending}
            data={[{ value: '', label: t('newCase.noObject') }, ...objectItems.map((o) => ({ value: o.id, label: objectLabel(o) }))]}
            error={fieldError('objectId')}
            {...form.register('objectId')}
          />
        </SimpleGrid>
        <Fieldset
          legend={t('newCase.locationLegend')}
          variant="unstyled"
          styles={{ legend: { fontWeight: 700, fontSize: 'var(--mantine-font-size-lg)', marginBottom: 'var(--mantine-spacing-xs)' } }}
        >
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              {LOCATION_FIELDS.map(textField)}
            </SimpleGrid>
            <Checkbox label={t('newCase.masterKey')} {...form.register('masterKeyAllowed')} />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="sm">
              {ACCESS_FIELDS.map(textField)}
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <AttachmentInput texts="caseFiles" withCamera value={attachments} onChange={setAttachments} onBusyChange={setUploading} />
        <Group gap="sm">
          <Button type="submit" loading={create.isPending} disabled={uploading}>
            {t('newCase.send')}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            {t('newCase.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

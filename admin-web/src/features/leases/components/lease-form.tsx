import { zodResolver } from '@hookform/resolvers/zod';
import { ActionIcon, Button, Fieldset, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import {
  LEASE_TYPES,
  type LeaseDetail,
  LeaseFieldsSchema,
  RENT_LINE_KINDS,
  RentLineInputSchema,
  VAT_RATES,
} from '@portico/shared/contracts/leases';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useId, useState } from 'react';
import { useFieldArray, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { minorToInput, parseAmount } from '@/lib/format';
import { uploadAttachment } from '@/lib/upload-attachment';
import { useCreateLease, useUpdateLease } from '../api/save-lease';
import { type PickedUnit, UnitPicker } from './unit-picker';

/**
 * The contract's fields as a form edits them: dates and numbers typed as text, amounts in kronor/
 * kroner (turned into öre/øre on submit). The rules stay the contract's: the API answers each
 * field's issue and the form puts it on the field.
 */
const FormSchema = LeaseFieldsSchema.pick({ number: true, type: true, validFrom: true, billingCadence: true }).extend({
  validTo: z.string(),
  areaM2: z.string(),
  noticePeriodMonths: z.string().regex(/^\d{1,2}$/),
  rentLines: z.array(
    z.object({
      kind: RentLineInputSchema.shape.kind,
      description: RentLineInputSchema.shape.description.unwrap(),
      amount: z.string(),
      vatRate: z.string(),
    }),
  ),
});
type FormValues = z.input<typeof FormSchema>;
const { shape } = FormSchema;

export type LeaseFormCustomer = { id: string; name: string };

export function LeaseForm({
  lease,
  customer,
  renderCustomerPicker,
  onSaved,
  onCancel,
}: {
  /** Editing this lease; none for a new one. */
  lease?: LeaseDetail;
  customer: LeaseFormCustomer | null;
  renderCustomerPicker: (props: { error?: string | undefined }) => ReactNode;
  onSaved: (lease: LeaseDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateLease();
  const update = useUpdateLease(lease?.id ?? '');
  const save = lease ? update : create;
  const [units, setUnits] = useState<PickedUnit[]>(lease?.units ?? []);
  const [unitsError, setUnitsError] = useState<string | undefined>();
  const [customerError, setCustomerError] = useState<string | undefined>();
  const [pdf, setPdf] = useState<File | null>(null);
  const [pdfError, setPdfError] = useState<string | undefined>();
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const pdfId = useId();

  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      number: lease?.number ?? '',
      type: lease?.type ?? 'residential',
      validFrom: lease?.validFrom ?? '',
      validTo: lease?.validTo ?? '',
      areaM2: lease?.areaM2Agreed === null || lease?.areaM2Agreed === undefined ? '' : String(lease.areaM2Agreed),
      noticePeriodMonths: String(lease?.noticePeriodMonths ?? 3),
      billingCadence: lease?.billingCadence ?? 'monthly',
      rentLines: (lease?.rentLines ?? [{ kind: 'rent', description: '', amountMinor: 0, vatRate: 0 }]).map((l) => ({
        kind: l.kind,
        description: l.description,
        amount: lease ? minorToInput(l.amountMinor) : '',
        vatRate: String(l.vatRate),
      })),
    },
  });
  const lines = useFieldArray({ control: form.control, name: 'rentLines' });
  const fieldError = useFieldError(shape, form.formState.errors);
  const residential = form.watch('type') === 'residential';

  async function submit(values: FormValues) {
    let failed = false;
    if (!customer) {
      setCustomerError(t('leases.form.chooseCustomer'));
      failed = true;
    }
    if (units.length === 0) {
      setUnitsError(t('leases.form.chooseUnits'));
      failed = true;
    }
    const rentLines = values.rentLines.map((line, i) => {
      const amountMinor = parseAmount(line.amount);
      if (amountMinor === null) {
        form.setError(`rentLines.${i}.amount`, { type: 'server', message: t('leases.form.amountInvalid') });
        failed = true;
      }
      return {
        kind: line.kind,
        description: line.description,
        amountMinor: amountMinor ?? 0,
        vatRate: (residential ? 0 : Number(line.vatRate)) as (typeof VAT_RATES)[number],
      };
    });
    const area = values.areaM2.trim() ? Number(values.areaM2.trim().replace(',', '.')) : null;
    if (area !== null && !(Number.isFinite(area) && area > 0)) {
      form.setError('areaM2', { type: 'server', message: t('validation.invalid') });
      failed = true;
    }
    if (failed || !customer) return;
    setBusy(true);
    setUploadError(null);
    try {
      let signedPdfId: string | undefined;
      if (pdf) {
        try {
          signedPdfId = (await uploadAttachment(pdf)).id;
        } catch (error) {
          setUploadError(error);
          return;
        }
      }
      const body = {
        number: values.number,
        type: values.type,
        customerId: customer.id,
        unitIds: units.map((u) => u.id),
        areaM2: area,
        validFrom: values.validFrom,
        validTo: values.validTo || null,
        noticePeriodMonths: Number(values.noticePeriodMonths),
        billingCadence: values.billingCadence,
        rentLines,
        ...(signedPdfId ? { signedPdfId } : {}),
      };
      save.mutate(body, {
        onSuccess: onSaved,
        onError: (error) => {
          const rest = applyIssues(error, form.setError, ['number', 'type', 'validFrom', 'validTo', 'areaM2', 'noticePeriodMonths']);
          for (const issue of rest) {
            const m = /^rentLines\.(\d+)\.(amountMinor|vatRate|description|kind)$/.exec(issue.path);
            if (m) {
              const field = m[2] === 'amountMinor' ? 'amount' : (m[2] as 'vatRate' | 'description' | 'kind');
              form.setError(`rentLines.${Number(m[1])}.${field}`, { type: 'server', message: issue.message });
            }
            if (issue.path === 'customerId') setCustomerError(issue.message);
            if (issue.path.startsWith('unitIds')) setUnitsError(issue.message);
            if (issue.path === 'signedPdfId') setPdfError(issue.message);
          }
        },
      });
    } finally {
      setBusy(false);
    }
  }

  const lineError = (i: number, field: 'kind' | 'description' | 'amount' | 'vatRate') => {
    const error = form.formState.errors.rentLines?.[i]?.[field];
    if (!error?.message) return undefined;
    return error.type === 'server' ? error.message : t(error.message);
  };

  return (
    <form noValidate onSubmit={form.handleSubmit(submit)}>
      <Stack>
        <ErrorAlert error={save.error ?? uploadError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('leases.number')}
            description={t('leases.form.numberHint')}
            required
            maxLength={maxLengthOf(shape.number)}
            error={fieldError('number')}
            {...form.register('number')}
          />
          <NativeSelect
            label={t('leases.typeLabel')}
            error={fieldError('type')}
            data={LEASE_TYPES.map((type) => ({ value: type, label: t(`leases.type.${type}`) }))}
            {...form.register('type')}
          />
        </SimpleGrid>
        {renderCustomerPicker({ error: customerError })}
        <UnitPicker
          value={units}
          onChange={(next) => {
            setUnits(next);
            setUnitsError(undefined);
          }}
          error={unitsError}
          ownLeaseNumber={lease?.number}
        />
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
          <TextInput type="date" label={t('leases.validFrom')} required error={fieldError('validFrom')} {...form.register('validFrom')} />
          <TextInput
            type="date"
            label={t('leases.validTo')}
            description={t('leases.form.validToHint')}
            error={fieldError('validTo')}
            {...form.register('validTo')}
          />
          {/* Side by side even on a phone: the billing cadence (issue 11) adds no height to the form. */}
          <Group grow wrap="nowrap" align="flex-start" gap="xs">
            <TextInput
              label={t('leases.form.noticePeriodMonths')}
              inputMode="numeric"
              required
              error={fieldError('noticePeriodMonths')}
              {...form.register('noticePeriodMonths')}
            />
            <NativeSelect
              label={t('leases.form.billingCadence')}
              data={(['monthly', 'quarterly'] as const).map((c) => ({ value: c, label: t(`leases.cadence.${c}`) }))}
              {...form.register('billingCadence')}
            />
          </Group>
          <TextInput
            label={t('leases.form.areaM2')}
            description={t('leases.form.areaHint')}
            inputMode="decimal"
            error={fieldError('areaM2')}
            {...form.register('areaM2')}
          />
        </SimpleGrid>

        <Fieldset legend={t('leases.rentLines')}>
          <Stack gap="sm">
            {residential && (
              <Text size="sm" c="dimmed">
                {t('leases.form.noVatOnResidential')}
              </Text>
            )}
            {lines.fields.map((field, i) => (
              <Paper key={field.id} withBorder p="sm" radius="sm" component="fieldset" aria-label={t('leases.form.line', { n: i + 1 })}>
                <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="sm">
                  <NativeSelect
                    label={t('leases.rentKind')}
                    error={lineError(i, 'kind')}
                    data={RENT_LINE_KINDS.map((kind) => ({ value: kind, label: t(`leases.kind.${kind}`) }))}
                    {...form.register(`rentLines.${i}.kind`)}
                  />
                  <TextInput
                    label={t('leases.description')}
                    maxLength={maxLengthOf(RentLineInputSchema.shape.description)}
                    error={lineError(i, 'description')}
                    {...form.register(`rentLines.${i}.description`)}
                  />
                  <TextInput
                    label={t('leases.form.amount')}
                    inputMode="decimal"
                    required
                    error={lineError(i, 'amount')}
                    {...form.register(`rentLines.${i}.amount`)}
                  />
                  <NativeSelect
                    label={t('leases.vat')}
                    disabled={residential}
                    error={lineError(i, 'vatRate')}
                    data={VAT_RATES.map((rate) => ({ value: String(rate), label: `${rate} %` }))}
                    {...form.register(`rentLines.${i}.vatRate`)}
                  />
                </SimpleGrid>
                <Group justify="flex-end" mt={4}>
                  <ActionIcon
                    variant="subtle"
                    color="red.9"
                    aria-label={t('leases.form.removeLine', { n: i + 1 })}
                    onClick={() => lines.remove(i)}
                  >
                    ✕
                  </ActionIcon>
                </Group>
              </Paper>
            ))}
            <Button
              variant="default"
              w="fit-content"
              onClick={() => lines.append({ kind: 'rent', description: '', amount: '', vatRate: '0' })}
            >
              {t('leases.form.addLine')}
            </Button>
          </Stack>
        </Fieldset>

        <Stack gap={4}>
          <Text component="label" htmlFor={pdfId} fw={500} size="sm">
            {t('leases.signedPdf')}
          </Text>
          <Text id={`${pdfId}-hint`} size="xs" c="dimmed">
            {lease?.signedPdf ? t('leases.form.pdfReplaceHint', { name: lease.signedPdf.filename }) : t('leases.form.pdfHint')}
          </Text>
          <input
            id={pdfId}
            className="file-input"
            type="file"
            accept="application/pdf,.pdf"
            aria-describedby={`${pdfId}-hint`}
            onChange={(event) => {
              setPdf(event.currentTarget.files?.[0] ?? null);
              setPdfError(undefined);
            }}
          />
          {pdfError && (
            <Text size="sm" c="red.9" role="alert">
              {pdfError}
            </Text>
          )}
        </Stack>

        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            {t('leases.actions.cancel')}
          </Button>
          <Button type="submit" loading={busy || save.isPending}>
            {lease ? t('leases.form.save') : t('leases.form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

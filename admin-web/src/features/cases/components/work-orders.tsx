import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Anchor, Badge, Button, Group, Image, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { type WorkOrder, WorkOrderBodySchema } from '@portico/shared/contracts/cases';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AttachmentInput } from '@/components/attachment-input';
import { AttachmentLinks } from '@/components/attachment-links';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { useFieldError } from '@/lib/form';
import { formatMinutes, formatMoney, localDateTimeNow, parseMajorToMinor } from '@/lib/format';
import { formatDateTime } from '@/lib/i18n';
import { useCreateWorkOrder } from '../api/create-work-order';
import { SignDeliveryNote } from './sign-delivery-note';

const attachmentUrl = (id: string) => `/api/v1/attachments/${encodeURIComponent(id)}`;

function Signature({ signature }: { signature: NonNullable<WorkOrder['signature']> }) {
  const { t } = useTranslation();
  const signed = t('cases.workOrders.signedBy', { name: signature.signedBy, date: formatDateTime(signature.signedAt) });
  const isImage = signature.attachment.contentType.startsWith('image/');
  return (
    <Stack gap={4} mt="sm">
      <Group gap="xs">
        <Badge color="teal.9" variant="filled" size="sm" tt="none">
          {t('cases.workOrders.signed')}
        </Badge>
        <Text size="sm">{signed}</Text>
      </Group>
      {signature.kind === 'drawn' && isImage ? (
        <a href={attachmentUrl(signature.attachment.id)} target="_blank" rel="noopener" className="signature-link">
          <Image
            src={attachmentUrl(signature.attachment.id)}
            alt={t('cases.workOrders.signatureAlt', { name: signature.signedBy })}
            w={240}
            maw="100%"
            fit="contain"
            className="signature-image"
          />
        </a>
      ) : (
        <Anchor href={attachmentUrl(signature.attachment.id)} target="_blank" rel="noopener" size="sm">
          {t('cases.workOrders.signedFile', { name: signature.attachment.filename })}
        </Anchor>
      )}
    </Stack>
  );
}

function WorkOrderItem({ caseId, order }: { caseId: string; order: WorkOrder }) {
  const { t } = useTranslation();
  return (
    <Paper component="li" withBorder p="md" radius="sm">
      <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }} fw={500}>
        {order.description}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} component="dl" m={0} mt="xs" spacing="xs">
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('cases.workOrders.performedAt')}
          </Text>
          <Text component="dd" m={0}>
            <time dateTime={order.performedAt}>{formatDateTime(order.performedAt)}</time>
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('cases.workOrders.performedBy')}
          </Text>
          <Text component="dd" m={0}>
            {order.performedBy}
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('cases.workOrders.time')}
          </Text>
          <Text component="dd" m={0}>
            {formatMinutes(order.minutes)}
          </Text>
        </div>
        <div>
          <Text component="dt" size="sm" c="dimmed">
            {t('cases.workOrders.cost')}
          </Text>
          <Text component="dd" m={0}>
            {formatMoney(order.materialCostMinor, order.currency)}
          </Text>
        </div>
      </SimpleGrid>
      <AttachmentLinks attachments={order.attachments} />
      {order.signature ? (
        <Signature signature={order.signature} />
      ) : (
        <>
          <Badge color="gray.7" variant="filled" size="sm" tt="none" mt="sm">
            {t('cases.workOrders.notSigned')}
          </Badge>
          <SignDeliveryNote caseId={caseId} workOrderId={order.id} />
        </>
      )}
    </Paper>
  );
}

const { shape } = WorkOrderBodySchema;

/** `datetime-local` (the browser's time zone) → the contract's timestamp; '' when it is no date. */
const toTimestamp = (value: string) => {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
};
/** Whole minutes as typed; NaN (refused by the contract) for anything else. */
const toMinutes = (value: string) => (/^\d+$/.test(value.trim()) ? Number.parseInt(value, 10) : Number.NaN);

/**
 * The contract's description; time, minutes and cost are typed as text, so the form checks what
 * the submit converts them to against the contract's own fields (range, integer, year).
 */
const FormSchema = WorkOrderBodySchema.pick({ description: true }).extend({
  performedAt: z
    .string()
    .min(1)
    .refine((v) => shape.performedAt.safeParse(toTimestamp(v)).success, 'cases.workOrders.invalidDate'),
  minutes: z.string().refine((v) => shape.minutes.safeParse(toMinutes(v)).success, 'cases.workOrders.invalidMinutes'),
  cost: z.string().refine((v) => shape.materialCostMinor.safeParse(parseMajorToMinor(v)).success, 'cases.workOrders.invalidCost'),
});
type FormValues = z.input<typeof FormSchema>;

function WorkOrderForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const create = useCreateWorkOrder(caseId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [recorded, setRecorded] = useState(false);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const defaults = (): FormValues => ({ description: '', performedAt: localDateTimeNow(), minutes: '', cost: '' });
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: defaults() });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);

  return (
    <form
      noValidate
      aria-labelledby="work-order-form-heading"
      onSubmit={form.handleSubmit((values) => {
        setRecorded(false);
        create.mutate(
          {
            description: values.description,
            performedAt: toTimestamp(values.performedAt),
            minutes: toMinutes(values.minutes),
            materialCostMinor: parseMajorToMinor(values.cost) ?? 0,
            attachmentIds: attachments.map((a) => a.id),
          },
          {
            onSuccess: () => {
              form.reset(defaults());
              setAttachments([]);
              setRecorded(true);
            },
            onError: (error) =>
              applyIssues(error, form.setError, ['description', 'performedAt', 'minutes']).forEach((issue) => {
                if (issue.path === 'materialCostMinor') form.setError('cost', { type: 'server', message: issue.message });
              }),
          },
        );
      })}
    >
      <Stack>
        <Title order={3} size="h5" id="work-order-form-heading">
          {t('cases.workOrders.formHeading')}
        </Title>
        <ErrorAlert error={create.error} />
        <div aria-live="polite">
          {recorded && (
            <Alert color="green" variant="light">
              {t('cases.workOrders.recorded')}
            </Alert>
          )}
        </div>
        <Textarea
          label={t('cases.workOrders.description')}
          required
          autosize
          minRows={3}
          maxRows={12}
          error={fieldError('description')}
          {...form.register('description')}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label={t('cases.workOrders.performedAt')}
            required
            error={fieldError('performedAt')}
            {...form.register('performedAt')}
          />
          <TextInput
            label={t('cases.workOrders.minutes')}
            required
            inputMode="numeric"
            maxLength={String(shape.minutes.maxValue).length}
            autoComplete="off"
            error={fieldError('minutes')}
            {...form.register('minutes')}
          />
          <TextInput
            label={t('cases.workOrders.materialCost')}
            description={t('cases.workOrders.materialCostHint')}
            inputMode="decimal"
            autoComplete="off"
            error={fieldError('cost')}
            {...form.register('cost')}
          />
        </SimpleGrid>
        <AttachmentInput label={t('cases.workOrders.files')} value={attachments} onChange={setAttachments} onBusyChange={onBusyChange} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={uploading}>
            {t('cases.workOrders.record')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** Seed 003 "Åtgärder": what was done, when, by whom, time and material, files and the signed delivery note. */
export function WorkOrders({ caseId, orders }: { caseId: string; orders: WorkOrder[] }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="work-orders-heading">
      <Title order={2} size="h4" id="work-orders-heading" mb="sm">
        {t('cases.workOrders.heading')}
      </Title>
      <Stack gap="md">
        {orders.length === 0 ? (
          <Text c="dimmed">{t('cases.workOrders.none')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="work-orders-heading">
            {orders.map((order) => (
              <WorkOrderItem key={order.id} caseId={caseId} order={order} />
            ))}
          </Stack>
        )}
        <Paper withBorder p="md" radius="sm">
          <WorkOrderForm caseId={caseId} />
        </Paper>
      </Stack>
    </section>
  );
}

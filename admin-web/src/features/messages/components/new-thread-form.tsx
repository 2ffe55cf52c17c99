import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import { type Attachment, StaffNewThreadBodySchema, type ThreadDetail } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { type ReactNode, useCallback, useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { LeaseSelect } from '@/components/lease-select';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateThread } from '../api/create-thread';

export type Recipient = { id: string; name: string; leases: LeaseRef[] };

/** The contract's fields this form edits; customer and attachments come from outside the form. */
const FormSchema = StaffNewThreadBodySchema.pick({ leaseId: true, subject: true, body: true });
const { shape } = FormSchema;

/** The customer picker comes from the route (it belongs to the customers feature). */
export function NewThreadForm({
  customer,
  renderCustomerPicker,
  onCreated,
}: {
  customer: Recipient | null;
  renderCustomerPicker: (props: { error?: string }) => ReactNode;
  onCreated: (thread: ThreadDetail) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateThread();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [customerError, setCustomerError] = useState<string | undefined>();
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);

  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: { leaseId: '', subject: '', body: '' },
  });
  const fieldError = useFieldError(shape, form.formState.errors);

  const leases = customer?.leases ?? [];
  const customerId = customer?.id;
  const onlyLease = leases.length === 1 ? leases[0]?.id : undefined;
  useEffect(() => {
    form.setValue('leaseId', customerId && onlyLease ? onlyLease : '');
    if (customerId) setCustomerError(undefined);
  }, [customerId, onlyLease, form]);

  return (
    <form
      noValidate
      onSubmit={(event) => {
        if (!customer) setCustomerError(t('compose.chooseCustomer'));
        void form.handleSubmit((values) => {
          if (!customer) return;
          create.mutate(
            {
              customerId: customer.id,
              leaseId: values.leaseId,
              subject: values.subject,
              body: values.body,
              attachmentIds: attachments.map((a) => a.id),
            },
            {
              onSuccess: onCreated,
              onError: (error) => {
                const rest = applyIssues(error, form.setError, ['leaseId', 'subject', 'body']);
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
          label={t('compose.subject')}
          required
          maxLength={maxLengthOf(shape.subject)}
          error={fieldError('subject')}
          {...form.register('subject')}
        />
        <Textarea
          label={t('compose.message')}
          required
          autosize
          minRows={6}
          maxRows={20}
          error={fieldError('body')}
          {...form.register('body')}
        />
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={onBusyChange} />
        <Group>
          <Button type="submit" loading={create.isPending} disabled={uploading}>
            {t('compose.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

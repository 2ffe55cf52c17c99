import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import type { LeaseRef } from '@portico/shared/contracts/auth';
import { type Attachment, PortalNewThreadBodySchema, type ThreadDetail } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '@/components/attachment-input';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { blankAsMissing } from '@/lib/form';
import { leaseLabel } from '@/lib/format';
import { useCreateThread } from '../api/create-thread';

/** The contract's fields; the attachments come from their own input. An unchosen lease is '' in the select. */
const NewMessageSchema = PortalNewThreadBodySchema.pick({ leaseId: true, subject: true, body: true }).extend({
  leaseId: blankAsMissing(PortalNewThreadBodySchema.shape.leaseId),
});
const SUBJECT_MAX = PortalNewThreadBodySchema.shape.subject.maxLength ?? undefined;

export function NewMessageForm({
  leases,
  defaultLeaseId,
  onSuccess,
  onCancel,
}: {
  leases: LeaseRef[];
  defaultLeaseId: string | null;
  onSuccess: (thread: ThreadDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const create = useCreateThread();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const initialLease = leases.find((l) => l.id === defaultLeaseId)?.id ?? leases[0]?.id ?? '';
  const form = useForm({
    resolver: zodResolver(NewMessageSchema, { error: formIssueKey }),
    defaultValues: { leaseId: initialLease, subject: '', body: '' },
  });
  const { errors } = form.formState;
  const issues = fieldIssues(create.error);

  const fieldError = (field: 'leaseId' | 'subject' | 'body') => {
    const message = errors[field]?.message;
    if (message) return t(message);
    return issues.has(field) ? t('validation.invalid') : undefined;
  };

  const submit = form.handleSubmit((values) => create.mutate({ ...values, attachmentIds: attachments.map((a) => a.id) }, { onSuccess }));

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={create.error} />
        {leases.length > 1 && (
          <NativeSelect
            label={t('newMessage.lease')}
            data={leases.map((l) => ({ value: l.id, label: leaseLabel(t, l) }))}
            error={fieldError('leaseId')}
            {...form.register('leaseId')}
          />
        )}
        <TextInput label={t('newMessage.subject')} maxLength={SUBJECT_MAX} error={fieldError('subject')} {...form.register('subject')} />
        <Textarea label={t('newMessage.body')} autosize minRows={6} maxRows={20} error={fieldError('body')} {...form.register('body')} />
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={setUploading} />
        <Group gap="sm">
          <Button type="submit" loading={create.isPending} disabled={uploading}>
            {t('newMessage.send')}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            {t('newMessage.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

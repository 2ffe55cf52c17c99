import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { useReplyToCase } from '../api/reply-to-case';
import { CaseAttachmentInput } from './case-attachment-input';

const ReplySchema = z.object({
  body: z.string().trim().min(1, 'validation.required').max(10_000, 'validation.tooLong'),
});

/** A public reply in the case's dialog, with photos or files. */
export function CaseReplyForm({ customerId, caseId }: { customerId: string; caseId: string }) {
  const { t } = useTranslation();
  const reply = useReplyToCase(customerId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useForm({ resolver: zodResolver(ReplySchema), defaultValues: { body: '' } });
  const { errors } = form.formState;
  const issues = fieldIssues(reply.error);
  const bodyError = errors.body?.message ? t(errors.body.message) : issues.has('body') ? t('validation.invalid') : undefined;

  const submit = form.handleSubmit(({ body }) => {
    setSent(false);
    reply.mutate(
      { caseId, body, attachmentIds: attachments.map((a) => a.id) },
      {
        onSuccess: () => {
          form.reset({ body: '' });
          setAttachments([]);
          setSent(true);
        },
      },
    );
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={reply.error} />
        <div role="status">
          {sent && (
            <Alert color="green" variant="light">
              {t('case.reply.sent')}
            </Alert>
          )}
        </div>
        <Textarea label={t('case.reply.body')} autosize minRows={4} maxRows={16} error={bodyError} {...form.register('body')} />
        <CaseAttachmentInput value={attachments} onChange={setAttachments} onBusyChange={setUploading} />
        <div>
          <Button type="submit" loading={reply.isPending} disabled={uploading}>
            {t('case.reply.submit')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

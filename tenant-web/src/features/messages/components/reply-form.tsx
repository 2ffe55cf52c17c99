import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';
import { useReplyToThread } from '../api/reply-to-thread';
import { AttachmentInput } from './attachment-input';

const ReplySchema = z.object({
  body: z.string().trim().min(1, 'validation.required').max(20_000, 'validation.tooLong'),
});

export function ReplyForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const reply = useReplyToThread();
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
      { threadId, body, attachmentIds: attachments.map((a) => a.id) },
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
              {t('thread.replySent')}
            </Alert>
          )}
        </div>
        <Textarea label={t('thread.body')} autosize minRows={4} maxRows={16} error={bodyError} {...form.register('body')} />
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={setUploading} />
        <div>
          <Button type="submit" loading={reply.isPending} disabled={uploading}>
            {t('thread.reply')}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

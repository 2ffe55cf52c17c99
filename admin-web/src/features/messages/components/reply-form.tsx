import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Group, Stack, Textarea, Title } from '@mantine/core';
import { type Attachment, ReplyBodySchema } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { useFieldError } from '@/lib/form';
import { useReplyToThread } from '../api/reply-to-thread';

/** The contract's text; attachments are uploaded beside the form. */
const FormSchema = ReplyBodySchema.pick({ body: true });

export function ReplyForm({ threadId }: { threadId: string }) {
  const { t } = useTranslation();
  const reply = useReplyToThread(threadId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState(false);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const form = useForm({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: { body: '' } });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);

  return (
    <form
      noValidate
      aria-labelledby="reply-heading"
      onSubmit={form.handleSubmit((values) => {
        setSent(false);
        reply.mutate(
          { body: values.body, attachmentIds: attachments.map((a) => a.id) },
          {
            onSuccess: () => {
              form.reset({ body: '' });
              setAttachments([]);
              setSent(true);
            },
            onError: (error) => applyIssues(error, form.setError, ['body']),
          },
        );
      })}
    >
      <Stack>
        <Title order={2} size="h4" id="reply-heading">
          {t('thread.replyHeading')}
        </Title>
        <ErrorAlert error={reply.error} />
        {sent && (
          <Alert color="green" variant="light" role="status">
            {t('thread.replySent')}
          </Alert>
        )}
        <Textarea
          label={t('compose.message')}
          required
          autosize
          minRows={4}
          maxRows={14}
          error={fieldError('body')}
          {...form.register('body')}
        />
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={onBusyChange} />
        <Group>
          <Button type="submit" loading={reply.isPending} disabled={uploading}>
            {t('thread.reply')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

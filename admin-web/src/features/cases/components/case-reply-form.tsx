import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, Stack, Textarea, Title } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { useReplyToCase } from '../api/reply-to-case';

/** A public reply (e-mailed to the tenant) or, when ticked, an internal note. */
export function CaseReplyForm({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const reply = useReplyToCase(caseId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [added, setAdded] = useState<'public' | 'internal' | null>(null);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const schema = z.object({
    body: z
      .string()
      .trim()
      .min(1, t('validation.required'))
      .max(10_000, t('validation.tooLong', { max: 10_000 })),
    internal: z.boolean(),
  });
  const form = useForm<z.infer<typeof schema>>({ resolver: zodResolver(schema), defaultValues: { body: '', internal: false } });
  const internal = form.watch('internal');

  return (
    <form
      noValidate
      aria-labelledby="case-reply-heading"
      onSubmit={form.handleSubmit((values) => {
        setAdded(null);
        reply.mutate(
          { body: values.body, internal: values.internal, attachmentIds: attachments.map((a) => a.id) },
          {
            onSuccess: () => {
              form.reset({ body: '', internal: false });
              setAttachments([]);
              setAdded(values.internal ? 'internal' : 'public');
            },
            onError: (error) => applyIssues(error, form.setError, ['body', 'internal']),
          },
        );
      })}
    >
      <Stack>
        <Title order={2} size="h4" id="case-reply-heading">
          {t('cases.reply.heading')}
        </Title>
        <ErrorAlert error={reply.error} />
        <div aria-live="polite">
          {added && (
            <Alert color="green" variant="light">
              {added === 'internal' ? t('cases.reply.noteAdded') : t('cases.reply.replyAdded')}
            </Alert>
          )}
        </div>
        <Textarea
          label={t('compose.message')}
          description={internal ? t('cases.reply.internalHint') : t('cases.reply.publicHint')}
          required
          autosize
          minRows={4}
          maxRows={14}
          error={form.formState.errors.body?.message}
          classNames={internal ? { input: 'case-reply--internal' } : undefined}
          {...form.register('body')}
        />
        <Checkbox label={t('cases.reply.internal')} {...form.register('internal')} />
        <AttachmentInput value={attachments} onChange={setAttachments} onBusyChange={onBusyChange} />
        <Group>
          <Button type="submit" loading={reply.isPending} disabled={uploading}>
            {t('cases.reply.add')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

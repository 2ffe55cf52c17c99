import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Stack, Textarea } from '@mantine/core';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { AttachmentInput } from '@/components/attachment-input';
import { FormError } from '@/components/form-error';
import { fieldIssues } from '@/lib/errors';

/** What a reply form needs from its feature's mutation. */
export interface ReplySender {
  send: (input: { body: string; attachmentIds: string[] }, onSuccess: () => void) => void;
  isPending: boolean;
  error: unknown;
}

/** The reply's text as its contract has it, e.g. `ReplyBodySchema.pick({ body: true })`. */
export type ReplyBodyFormSchema = z.ZodType<{ body: string }, { body: string }>;

/**
 * The text-and-files answer at the foot of a conversation (a message thread or a case dialog).
 * `schema` is the body of the place's contract; `labels` are catalogue keys, so each place keeps its own words.
 */
export function ReplyComposer({
  sender,
  schema,
  labels,
  files,
}: {
  sender: ReplySender;
  schema: ReplyBodyFormSchema;
  labels: { body: string; submit: string; sent: string };
  files: { texts: 'attachments' | 'caseFiles'; withCamera?: boolean };
}) {
  const { t } = useTranslation();
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sent, setSent] = useState(false);
  const form = useForm({ resolver: zodResolver(schema, { error: formIssueKey }), defaultValues: { body: '' } });
  const { errors } = form.formState;
  const issues = fieldIssues(sender.error);
  const bodyError = errors.body?.message ? t(errors.body.message) : issues.has('body') ? t('validation.invalid') : undefined;

  const submit = form.handleSubmit(({ body }) => {
    setSent(false);
    sender.send({ body, attachmentIds: attachments.map((a) => a.id) }, () => {
      form.reset({ body: '' });
      setAttachments([]);
      setSent(true);
    });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError error={sender.error} />
        <div role="status">
          {sent && (
            <Alert color="green" variant="light">
              {t(labels.sent)}
            </Alert>
          )}
        </div>
        <Textarea label={t(labels.body)} autosize minRows={4} maxRows={16} error={bodyError} {...form.register('body')} />
        <AttachmentInput
          texts={files.texts}
          withCamera={files.withCamera ?? false}
          value={attachments}
          onChange={setAttachments}
          onBusyChange={setUploading}
        />
        <div>
          <Button type="submit" loading={sender.isPending} disabled={uploading}>
            {t(labels.submit)}
          </Button>
        </div>
      </Stack>
    </form>
  );
}

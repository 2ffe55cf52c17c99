import { zodResolver } from '@hookform/resolvers/zod';
import { Alert, Button, Checkbox, Group, NativeSelect, Stack, Textarea, Title } from '@mantine/core';
import { type CaseDetail, CaseReplyBodySchema } from '@portico/shared/contracts/cases';
import type { Attachment } from '@portico/shared/contracts/messaging';
import { formIssueKey } from '@portico/shared/form-issues';
import { useCallback, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { AttachmentInput } from '@/components/attachment-input';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { blankAsNone, useFieldError } from '@/lib/form';
import { useReplyToCase } from '../api/reply-to-case';

/** The contract's text, internal flag and audience (none = every recipient); attachments are uploaded beside the form. */
const FormSchema = CaseReplyBodySchema.pick({ body: true, internal: true, customerId: true });

/**
 * A public reply (e-mailed to the tenant) or, when ticked, an internal note. On a property-wide
 * related case a public reply goes to every recipient, or to one chosen customer alone.
 */
export function CaseReplyForm({ caseId, recipients }: { caseId: string; recipients?: NonNullable<CaseDetail['recipients']> }) {
  const { t } = useTranslation();
  const reply = useReplyToCase(caseId);
  const [attachments, setAttachments] = useState<Attachment[]>([]);
  const [uploading, setUploading] = useState(false);
  const [added, setAdded] = useState<'public' | 'internal' | null>(null);
  const onBusyChange = useCallback((busy: boolean) => setUploading(busy), []);
  const form = useForm({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: { body: '', internal: false, customerId: undefined },
  });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);
  const internal = form.watch('internal');

  return (
    <form
      noValidate
      aria-labelledby="case-reply-heading"
      onSubmit={form.handleSubmit((values) => {
        setAdded(null);
        reply.mutate(
          {
            body: values.body,
            internal: values.internal,
            attachmentIds: attachments.map((a) => a.id),
            ...(values.customerId && !values.internal ? { customerId: values.customerId } : {}),
          },
          {
            onSuccess: () => {
              form.reset({ body: '', internal: false, customerId: undefined });
              setAttachments([]);
              setAdded(values.internal ? 'internal' : 'public');
            },
            onError: (error) => applyIssues(error, form.setError, ['body', 'internal', 'customerId']),
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
          error={fieldError('body')}
          classNames={internal ? { input: 'case-reply--internal' } : undefined}
          {...form.register('body')}
        />
        <Checkbox label={t('cases.reply.internal')} {...form.register('internal')} />
        {recipients && recipients.length > 1 && !internal && (
          <NativeSelect
            label={t('cases.reply.audience')}
            description={t('cases.reply.audienceHint')}
            data={[
              { value: '', label: t('cases.reply.audienceAll') },
              ...recipients.map((r) => ({ value: r.customerId, label: r.customerName })),
            ]}
            error={fieldError('customerId')}
            {...form.register('customerId', { setValueAs: blankAsNone })}
          />
        )}
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

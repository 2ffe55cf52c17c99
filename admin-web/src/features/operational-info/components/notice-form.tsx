import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Checkbox, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { ContentTitleSchema, MarkdownSchema, NOTICE_KINDS, NoticeKindSchema } from '@portico/shared/contracts/content';
import { NoticeCommentSchema, type NoticeDetail } from '@portico/shared/contracts/operational-info';
import { formIssueKey } from '@portico/shared/form-issues';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateNotice, usePropertyOptions, useUpdateNotice } from '../api/notices';

/**
 * The contract's fields as the form edits them: times in the browser's `datetime-local` form
 * (sent as ISO instants), the target as a switch and a list. The cross-field rules (end after start,
 * a channel for urgent notices, at least one property) are the contract's, answered by the API.
 */
const FormSchema = z.object({
  kind: NoticeKindSchema,
  title: ContentTitleSchema,
  body: MarkdownSchema,
  urgent: z.boolean(),
  email: z.boolean(),
  sms: z.boolean(),
  startsAt: z.string().min(1),
  endsAt: z.string(),
  allProperties: z.boolean(),
  propertyIds: z.array(z.string()),
  comment: z.union([z.literal(''), NoticeCommentSchema]),
});
type FormValues = z.infer<typeof FormSchema>;

/** `2026-12-01T09:30` in the browser's zone, for a datetime-local input. */
function toLocalInput(iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
const toIso = (local: string) => new Date(local).toISOString();

export function NoticeForm({
  notice,
  onSaved,
  onCancel,
}: {
  notice?: NoticeDetail;
  onSaved: (n: NoticeDetail) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('ops');
  const create = useCreateNotice();
  const update = useUpdateNotice(notice?.id ?? '');
  const mutation = notice ? update : create;
  const properties = usePropertyOptions();
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    defaultValues: {
      kind: notice?.kind ?? 'disruption',
      title: notice?.title ?? '',
      body: notice?.body ?? '',
      urgent: notice?.urgent ?? false,
      // An edit sends nothing unless staff tick a channel; a new urgent notice goes by e-mail by default.
      email: !notice,
      sms: false,
      startsAt: toLocalInput(notice?.startsAt ?? new Date().toISOString()),
      endsAt: toLocalInput(notice?.endsAt ?? null),
      allProperties: notice?.allProperties ?? false,
      propertyIds: notice?.properties.map((p) => p.id) ?? [],
      comment: '',
    },
  });
  const fieldError = useFieldError(FormSchema.shape, form.formState.errors);
  const urgent = form.watch('urgent');
  const allProperties = form.watch('allProperties');

  const submit = form.handleSubmit(async (v) => {
    const target = { allProperties: v.allProperties, propertyIds: v.allProperties ? [] : v.propertyIds };
    const endsAt = v.endsAt ? toIso(v.endsAt) : null;
    const saved = notice
      ? await update.mutateAsync({
          kind: v.kind,
          title: v.title,
          body: v.body,
          startsAt: toIso(v.startsAt),
          endsAt,
          target,
          ...(v.comment ? { comment: v.comment } : {}),
          ...(notice.urgent && (v.email || v.sms) ? { notify: { email: v.email, sms: v.sms } } : {}),
        })
      : await create.mutateAsync({
          kind: v.kind,
          urgent: v.urgent,
          channels: { email: v.email, sms: v.sms },
          title: v.title,
          body: v.body,
          startsAt: toIso(v.startsAt),
          endsAt,
          target,
        });
    onSaved(saved);
  });

  return (
    <form onSubmit={(e) => void submit(e).catch(() => undefined)} noValidate>
      <Stack gap="md" maw={760}>
        <ErrorAlert error={mutation.error} />
        <NativeSelect
          label={t('console.form.kind')}
          data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
          {...form.register('kind')}
        />
        <TextInput
          label={t('console.form.title')}
          required
          maxLength={maxLengthOf(FormSchema.shape.title)}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('console.form.body')}
          required
          autosize
          minRows={5}
          maxRows={20}
          error={fieldError('body')}
          {...form.register('body')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            type="datetime-local"
            label={t('console.form.startsAt')}
            required
            error={fieldError('startsAt')}
            {...form.register('startsAt')}
          />
          <TextInput type="datetime-local" label={t('console.form.endsAt')} error={fieldError('endsAt')} {...form.register('endsAt')} />
        </SimpleGrid>
        <Switch label={t('console.form.allProperties')} {...form.register('allProperties')} />
        {!allProperties && (
          <Controller
            control={form.control}
            name="propertyIds"
            render={({ field }) => (
              <MultiSelect
                label={t('console.form.properties')}
                data={properties.data ?? []}
                searchable
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
              />
            )}
          />
        )}
        {!notice && <Switch label={t('console.form.urgent')} {...form.register('urgent')} />}
        {(notice ? notice.urgent : urgent) && (
          <Group gap="lg" role="group" aria-label={notice ? t('console.form.notify') : t('console.form.channels')}>
            <Checkbox label={t('console.form.email')} {...form.register('email')} />
            <Checkbox label={t('console.form.sms')} {...form.register('sms')} />
          </Group>
        )}
        {notice && (
          <Textarea label={t('console.form.comment')} autosize minRows={2} error={fieldError('comment')} {...form.register('comment')} />
        )}
        <Group>
          <Button type="submit" loading={mutation.isPending}>
            {notice ? t('console.form.save') : t('console.form.publish')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('console.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

import { zodResolver } from '@hookform/resolvers/zod';
import { Button, FileButton, Group, Image, NativeSelect, Radio, SimpleGrid, Stack, Switch, Text, Textarea, TextInput } from '@mantine/core';
import { POST_CATEGORIES } from '@portico/shared/contracts/content';
import { type PostDetail, PostFieldsSchema } from '@portico/shared/contracts/posts';
import { formIssueKey } from '@portico/shared/form-issues';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { localDateTimeNow } from '@/lib/format';
import { uploadAttachment } from '@/lib/upload-attachment';
import { postImageUrl } from '../api/get-posts';
import { useCreatePost, useUpdatePost } from '../api/save-post';
import { type PickedProperty, PropertyPicker } from './property-picker';

const ACCEPT = 'image/jpeg,image/png,image/gif,image/webp';

/** `datetime-local` (the browser's time zone) → the contract's timestamp; '' stays '' (none). */
const toTimestamp = (value: string) => {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? 'invalid' : date.toISOString();
};
const toLocalInput = (iso: string | null | undefined) => (iso ? localDateTimeNow(new Date(iso)) : '');

/**
 * The contract's text fields; the window is typed as local date-times and checked as the
 * timestamps the submit sends; properties are picked with their names (the contract takes ids).
 */
const FormSchema = PostFieldsSchema.pick({ category: true, title: true, body: true, pinned: true })
  .extend({
    publishFrom: z.string().refine((v) => !v || toTimestamp(v) !== 'invalid', 'validation.invalid'),
    publishUntil: z.string().refine((v) => !v || toTimestamp(v) !== 'invalid', 'validation.invalid'),
    allProperties: z.boolean(),
    properties: z.array(z.object({ id: z.uuid(), name: z.string() })),
  })
  .refine((v) => v.allProperties || v.properties.length > 0, { message: 'validation.required', path: ['properties'] })
  .refine((v) => !v.publishFrom || !v.publishUntil || new Date(v.publishUntil) > new Date(v.publishFrom), {
    message: 'posts:console.form.windowOrder',
    path: ['publishUntil'],
  });
type FormValues = z.input<typeof FormSchema>;
const shape = PostFieldsSchema.shape;

function valuesOf(p: PostDetail | undefined): FormValues {
  return {
    category: p?.category ?? 'news',
    title: p?.title ?? '',
    body: p?.body ?? '',
    pinned: p?.pinned ?? false,
    publishFrom: toLocalInput(p?.publishFrom),
    publishUntil: toLocalInput(p?.publishUntil),
    allProperties: p?.allProperties ?? true,
    properties: p?.properties ?? [],
  };
}

type PickedImage = { id: string; url: string } | null;

/** Create (no `post`) or edit a post, with its image; calls `onSaved` with the saved post. */
export function PostForm({ post, onSaved, onCancel }: { post?: PostDetail; onSaved: (p: PostDetail) => void; onCancel: () => void }) {
  const { t } = useTranslation('posts');
  const create = useCreatePost();
  const update = useUpdatePost(post?.id ?? '');
  const save = post ? update : create;
  const form = useForm<FormValues>({ resolver: zodResolver(FormSchema, { error: formIssueKey }), defaultValues: valuesOf(post) });
  const fieldError = useFieldError({ ...FormSchema.shape, ...shape }, form.formState.errors);
  const [image, setImage] = useState<PickedImage>(post?.image ? { id: post.image.id, url: postImageUrl(post.id) } : null);
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<unknown>(null);
  const allProperties = form.watch('allProperties');

  async function onFile(file: File | null) {
    if (!file) return;
    setUploadError(null);
    setUploading(true);
    try {
      const uploaded = await uploadAttachment(file);
      // A pending upload is the uploader's to open (files/repo.ts findStaffAttachment).
      setImage({ id: uploaded.id, url: `/api/v1/attachments/${uploaded.id}` });
    } catch (err) {
      setUploadError(err);
    } finally {
      setUploading(false);
    }
  }

  const submit = form.handleSubmit((v) => {
    const publishFrom = toTimestamp(v.publishFrom);
    const publishUntil = toTimestamp(v.publishUntil);
    const body = {
      category: v.category,
      title: v.title,
      body: v.body,
      pinned: v.pinned ?? false,
      ...(publishFrom ? { publishFrom } : {}),
      publishUntil: publishUntil || null,
      target: { allProperties: v.allProperties, propertyIds: v.allProperties ? [] : v.properties.map((p) => p.id) },
      imageAttachmentId: image?.id ?? null,
    };
    save.mutate(body, { onSuccess: onSaved });
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm" maw={760}>
        <ErrorAlert error={save.error ?? uploadError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <NativeSelect
            label={t('console.form.category')}
            required
            data={POST_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))}
            {...form.register('category')}
          />
          <Controller
            control={form.control}
            name="pinned"
            render={({ field }) => (
              <Switch
                mt={{ sm: 'xl' }}
                label={t('console.form.pinned')}
                checked={field.value ?? false}
                onChange={(e) => field.onChange(e.currentTarget.checked)}
              />
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('console.form.title')}
          required
          maxLength={maxLengthOf(shape.title)}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('console.form.body')}
          description={t('console.form.bodyHint')}
          required
          autosize
          minRows={6}
          maxRows={20}
          error={fieldError('body')}
          {...form.register('body')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            type="datetime-local"
            label={t('console.form.publishFrom')}
            description={t('console.form.publishFromHint')}
            error={fieldError('publishFrom')}
            {...form.register('publishFrom')}
          />
          <TextInput
            type="datetime-local"
            label={t('console.form.publishUntil')}
            description={t('console.form.publishUntilHint')}
            error={fieldError('publishUntil')}
            {...form.register('publishUntil')}
          />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="allProperties"
          render={({ field }) => (
            <Radio.Group
              label={t('console.form.target')}
              value={field.value ? 'all' : 'some'}
              onChange={(v) => field.onChange(v === 'all')}
            >
              <Group mt="xs">
                <Radio value="all" label={t('console.form.targetAll')} />
                <Radio value="some" label={t('console.form.targetSome')} />
              </Group>
            </Radio.Group>
          )}
        />
        {!allProperties && (
          <Controller
            control={form.control}
            name="properties"
            render={({ field }) => (
              <PropertyPicker value={field.value as PickedProperty[]} onChange={field.onChange} error={fieldError('properties')} />
            )}
          />
        )}
        <Stack gap={4}>
          <Text fw={500} size="sm">
            {t('console.form.image')}
          </Text>
          <Text size="xs" c="dimmed">
            {t('console.form.imageHint')}
          </Text>
          {image && <Image src={image.url} alt={t('console.form.imageAlt')} maw={320} mah={200} fit="contain" radius="sm" />}
          <Group gap="xs">
            <FileButton onChange={(file) => void onFile(file)} accept={ACCEPT}>
              {(props) => (
                <Button variant="default" loading={uploading} {...props}>
                  {t('console.form.chooseImage')}
                </Button>
              )}
            </FileButton>
            {image && (
              <Button variant="default" onClick={() => setImage(null)}>
                {t('console.form.removeImage')}
              </Button>
            )}
          </Group>
        </Stack>
        <Group mt="sm">
          <Button type="submit" loading={save.isPending}>
            {post ? t('console.form.save') : t('console.form.publish')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('console.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

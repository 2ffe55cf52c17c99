import { zodResolver } from '@hookform/resolvers/zod';
import { Button, Group, NativeSelect, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { HELP_CATEGORIES } from '@portico/shared/contracts/content';
import { type HelpArticle, HelpArticleCreateSchema, type HelpCategory } from '@portico/shared/contracts/help';
import { formIssueKey } from '@portico/shared/form-issues';
import { LOCALES, type Locale } from '@portico/shared/locale';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { ErrorAlert } from '@/components/error-alert';
import { applyIssues } from '@/lib/errors';
import { maxLengthOf, useFieldError } from '@/lib/form';
import { useCreateHelpArticle, useUpdateHelpArticle } from '../api/save-help-article';

/** The contract's fields the form edits; the key is the article's (new language) or made by the API. */
const FormSchema = HelpArticleCreateSchema.omit({ articleKey: true });
type FormValues = z.input<typeof FormSchema>;
const { shape } = FormSchema;
const FIELDS = ['locale', 'category', 'title', 'body', 'position', 'published'] as const;

export type NewArticleStart = { articleKey?: string; locale?: Locale; category?: HelpCategory; position?: number };

/**
 * Create an article (or a new language of one: `start.articleKey`), or edit one language's row
 * (`article`); its language and key stay once it exists.
 */
export function HelpArticleForm({
  article,
  start,
  onSaved,
}: {
  article?: HelpArticle;
  start?: NewArticleStart;
  onSaved: (a: HelpArticle) => void;
}) {
  const { t } = useTranslation('help');
  const create = useCreateHelpArticle();
  const update = useUpdateHelpArticle(article?.id ?? '');
  const save = article ? update : create;
  const form = useForm<FormValues>({
    resolver: zodResolver(FormSchema, { error: formIssueKey }),
    values: {
      locale: article?.locale ?? start?.locale ?? 'sv',
      category: article?.category ?? start?.category ?? 'other',
      title: article?.title ?? '',
      body: article?.body ?? '',
      position: article?.position ?? start?.position ?? 0,
      published: article?.published ?? true,
    },
    resetOptions: { keepDirtyValues: true },
  });
  const fieldError = useFieldError(shape, form.formState.errors);

  return (
    <form
      noValidate
      onSubmit={form.handleSubmit((raw) => {
        const values = raw as z.output<typeof FormSchema>;
        const onError = (error: unknown) => applyIssues(error, form.setError, FIELDS);
        if (article) {
          const { locale: _locale, ...patch } = values;
          update.mutate(patch, { onSuccess: onSaved, onError });
        } else {
          create.mutate({ ...values, ...(start?.articleKey ? { articleKey: start.articleKey } : {}) }, { onSuccess: onSaved, onError });
        }
      })}
    >
      <Stack maw={760}>
        <ErrorAlert error={save.error} />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('console.fields.locale')}
            disabled={Boolean(article || start?.articleKey)}
            data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
            error={fieldError('locale')}
            {...form.register('locale')}
          />
          <NativeSelect
            label={t('console.fields.category')}
            data={HELP_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))}
            error={fieldError('category')}
            {...form.register('category')}
          />
        </Group>
        <TextInput
          label={t('console.fields.title')}
          required
          maxLength={maxLengthOf(shape.title)}
          error={fieldError('title')}
          {...form.register('title')}
        />
        <Textarea
          label={t('console.fields.body')}
          description={t('console.fields.bodyHint')}
          required
          autosize
          minRows={8}
          maxLength={maxLengthOf(shape.body)}
          error={fieldError('body')}
          {...form.register('body')}
        />
        <TextInput
          type="number"
          label={t('console.fields.position')}
          description={t('console.fields.positionHint')}
          min={0}
          error={fieldError('position')}
          {...form.register('position', { valueAsNumber: true })}
        />
        <Switch label={t('console.fields.published')} {...form.register('published')} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {article ? t('console.save') : t('console.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

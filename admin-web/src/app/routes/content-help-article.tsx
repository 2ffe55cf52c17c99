import { Alert, Anchor, Button, Group, Stack, Title } from '@mantine/core';
import { HELP_CATEGORIES } from '@portico/shared/contracts/content';
import type { HelpArticle, HelpCategory } from '@portico/shared/contracts/help';
import { LOCALES, type Locale } from '@portico/shared/locale';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { RichText } from '@/components/rich-text';
import { useHelpArticle } from '@/features/help/api/get-help-article';
import { useDeleteHelpArticle } from '@/features/help/api/save-help-article';
import { HelpArticleForm, type NewArticleStart } from '@/features/help/components/help-article-form';
import { ConfirmButton } from '@/features/properties/components/confirm-button';

const isLocale = (v: string | null): v is Locale => (LOCALES as readonly string[]).includes(v ?? '');
const isCategory = (v: string | null): v is HelpCategory => (HELP_CATEGORIES as readonly string[]).includes(v ?? '');

/** The article's languages side by side: each existing row a link, each missing one "Add …". */
function LanguageRow({ article }: { article: HelpArticle }) {
  const { t } = useTranslation('help');
  const rows = new Map<Locale, { id: string; published: boolean }>([
    [article.locale, { id: article.id, published: article.published }],
    ...article.translations.map((tr) => [tr.locale, { id: tr.id, published: tr.published }] as const),
  ]);
  return (
    <Group component="nav" aria-label={t('console.language')} gap="xs">
      {LOCALES.map((l) => {
        const row = rows.get(l);
        if (!row) {
          const start = new URLSearchParams({
            articleKey: article.articleKey,
            locale: l,
            category: article.category,
            position: String(article.position),
          });
          return (
            <Button key={l} component={Link} to={`/content/help/new?${start}`} variant="default" size="xs">
              {t('console.addLanguage', { language: t(`languages.${l}`) })}
            </Button>
          );
        }
        const current = row.id === article.id;
        return (
          <Button
            key={l}
            component={Link}
            to={`/content/help/${row.id}`}
            variant={current ? 'filled' : 'light'}
            size="xs"
            aria-current={current ? 'page' : undefined}
          >
            {t(`languages.${l}`)}
            {!row.published && ` (${t('console.draft')})`}
          </Button>
        );
      })}
    </Group>
  );
}

/** `/content/help/new` (optionally `?articleKey=&locale=&category=&position=`: a new language) and `/content/help/:articleId`. */
export function ContentHelpArticleRoute() {
  const { t, ready } = useTranslation('help');
  const { articleId = '' } = useParams();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const article = useHelpArticle(articleId);
  const remove = useDeleteHelpArticle(articleId);
  const [saved, setSaved] = useState(false);
  const back = (
    <Anchor component={Link} to="/content/help">
      {t('console.back')}
    </Anchor>
  );

  if (!ready) return <Loading />;
  if (!articleId) {
    const position = Number(params.get('position'));
    const start: NewArticleStart = {
      ...(params.get('articleKey') ? { articleKey: params.get('articleKey')! } : {}),
      ...(isLocale(params.get('locale')) ? { locale: params.get('locale') as Locale } : {}),
      ...(isCategory(params.get('category')) ? { category: params.get('category') as HelpCategory } : {}),
      ...(Number.isInteger(position) && position >= 0 ? { position } : {}),
    };
    return (
      <Stack>
        {back}
        <PageHeading title={t('console.new')} />
        <HelpArticleForm start={start} onSaved={(a) => navigate(`/content/help/${a.id}`, { replace: true })} />
      </Stack>
    );
  }
  if (article.isPending) return <Loading />;
  if (article.isError)
    return (
      <Stack>
        {back}
        <ErrorAlert error={article.error} />
      </Stack>
    );
  const a = article.data;
  return (
    <Stack>
      {back}
      <PageHeading title={t('console.edit')} />
      <LanguageRow article={a} />
      {saved && (
        <Alert color="teal" variant="light" role="status">
          {t('console.saved')}
        </Alert>
      )}
      <HelpArticleForm key={a.id} article={a} onSaved={() => setSaved(true)} />
      <Stack gap="xs" component="section" aria-labelledby="help-preview" maw={760}>
        <Title order={2} size="h4" id="help-preview">
          {t('console.preview')}
        </Title>
        <div lang={a.locale}>
          <Title order={3} size="h3">
            {a.title}
          </Title>
          <RichText html={a.bodyHtml} />
        </div>
      </Stack>
      <Group>
        <ConfirmButton
          label={t('console.delete')}
          question={t('console.deleteConfirm', { language: t(`languages.${a.locale}`) })}
          confirmLabel={t('console.delete')}
          loading={remove.isPending}
          onConfirm={() => remove.mutate(undefined, { onSuccess: () => navigate('/content/help', { replace: true }) })}
        />
      </Group>
      <ErrorAlert error={remove.error} />
    </Stack>
  );
}

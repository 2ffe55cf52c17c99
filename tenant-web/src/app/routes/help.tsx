import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { HELP_CATEGORIES } from '@portico/shared/contracts/content';
import { type HelpCategory, HelpSearchSchema } from '@portico/shared/contracts/help';
import { isLocale } from '@portico/shared/locale';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useHelpArticles } from '@/features/help/api/get-help-articles';
import { HelpArticleList } from '@/features/help/components/help-article-list';
import { SignInProblems } from '@/features/help/components/sign-in-problems';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

const isCategory = (v: string | null): v is HelpCategory => (HELP_CATEGORIES as readonly string[]).includes(v ?? '');

/**
 * The help centre (issue 12 §3, seed 002): search (Postgres full-text in the article's language),
 * topics, the articles in the person's language (the landlord's default where one is missing), and
 * "Problems signing in? Contact …". The words and the topic live in the URL.
 */
export function HelpRoute() {
  const { t, ready, i18n } = useTranslation('help');
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t('title') : '');
  const { membership } = useOutletContext<PortalOutletContext>();
  const customerId = membership?.customerId ?? '';
  const [params, setParams] = useSearchParams();
  const parsedQ = HelpSearchSchema.safeParse(params.get('q') ?? '');
  const q = parsedQ.success ? parsedQ.data : undefined;
  const category = isCategory(params.get('category')) ? (params.get('category') as HelpCategory) : undefined;
  const uiLocale = isLocale(i18n.resolvedLanguage ?? '') ? (i18n.resolvedLanguage as 'sv' | 'da' | 'en') : undefined;
  const articles = useHelpArticles(customerId, { q, category, locale: uiLocale });
  const [words, setWords] = useState(q ?? '');
  useEffect(() => setWords(q ?? ''), [q]);

  const update = (next: { q?: string | undefined; category?: string | undefined }) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) {
      if (v) p.set(k, v);
      else p.delete(k);
    }
    setParams(p);
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    update({ q: words.trim() || undefined });
  };

  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Title order={1}>{t('title')}</Title>
      <Text>{t('intro')}</Text>
      {!membership ? (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      ) : (
        <>
          <form aria-label={t('searchLabel')} onSubmit={submit}>
            <Stack gap="xs">
              <Group gap="xs" align="end" wrap="nowrap">
                <TextInput
                  type="search"
                  label={t('searchLabel')}
                  placeholder={t('searchPlaceholder')}
                  value={words}
                  onChange={(e) => setWords(e.currentTarget.value)}
                  maxLength={200}
                  style={{ flex: 1 }}
                />
                <Button type="submit">{t('search')}</Button>
              </Group>
              <NativeSelect
                label={t('category')}
                value={category ?? ''}
                onChange={(e) => update({ category: e.currentTarget.value || undefined })}
                data={[
                  { value: '', label: t('allCategories') },
                  ...HELP_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) })),
                ]}
              />
            </Stack>
          </form>
          <div aria-live="polite">
            {q && (
              <Title order={2} size="h4" mb="xs">
                {t('resultsFor', { q })}
              </Title>
            )}
            {articles.isPending && <PageLoader />}
            {articles.isError && (
              <Alert color="red" variant="light" role="alert">
                {t('loadFailed')}
              </Alert>
            )}
            {articles.data && articles.data.items.length === 0 && <Text>{q ? t('noResults') : t('empty')}</Text>}
            {articles.data && articles.data.items.length > 0 && (
              <HelpArticleList items={articles.data.items} searching={Boolean(q)} uiLocale={uiLocale ?? ''} />
            )}
            {articles.data?.truncated && (
              <Text size="sm" mt="xs">
                {t('truncated')}
              </Text>
            )}
          </div>
          <SignInProblems customerId={customerId} />
        </>
      )}
    </Stack>
  );
}

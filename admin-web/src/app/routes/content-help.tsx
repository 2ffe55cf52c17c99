import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput } from '@mantine/core';
import { HELP_CATEGORIES } from '@portico/shared/contracts/content';
import { type HelpCategory, HelpSearchSchema } from '@portico/shared/contracts/help';
import { LOCALES, type Locale } from '@portico/shared/locale';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { useHelpArticles } from '@/features/help/api/get-help-articles';
import { maxLengthOf } from '@/lib/form';

const PAGE_SIZE = 25;
const isLocale = (v: string | null): v is Locale => (LOCALES as readonly string[]).includes(v ?? '');
const isCategory = (v: string | null): v is HelpCategory => (HELP_CATEGORIES as readonly string[]).includes(v ?? '');

/** The help centre in the console (issue 12 §3): articles by language and topic, one row per language. */
export function ContentHelpRoute() {
  const { t, ready } = useTranslation('help');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const locale = params.get('locale');
  const category = params.get('category');
  const q = HelpSearchSchema.safeParse(params.get('q') ?? '');
  const [words, setWords] = useState(q.success ? q.data : '');
  useEffect(() => setWords(q.success ? q.data : ''), [q.success, q.data]);
  const articles = useHelpArticles({
    ...(isLocale(locale) ? { locale } : {}),
    ...(isCategory(category) ? { category } : {}),
    ...(q.success ? { q: q.data } : {}),
    cursor,
    limit: PAGE_SIZE,
  });
  const filter = (name: string, value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      if (value) next.set(name, value);
      else next.delete(name);
      next.delete('cursor');
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    filter('q', words.trim());
  };

  if (!ready) return <Loading />;
  return (
    <Stack>
      <PageHeading title={t('console.title')} />
      <Group justify="space-between" align="flex-end">
        <Text>{t('console.intro')}</Text>
        <Button component={Link} to="/content/help/new">
          {t('console.new')}
        </Button>
      </Group>
      <search>
        <Group align="flex-end" wrap="wrap">
          <form style={{ flex: '1 1 14rem' }} onSubmit={submit}>
            <TextInput
              type="search"
              label={t('console.searchLabel')}
              value={words}
              maxLength={maxLengthOf(HelpSearchSchema)}
              onChange={(e) => setWords(e.currentTarget.value)}
            />
          </form>
          <NativeSelect
            label={t('console.language')}
            value={isLocale(locale) ? locale : ''}
            onChange={(e) => filter('locale', e.currentTarget.value)}
            data={[{ value: '', label: t('console.allLanguages') }, ...LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))]}
          />
          <NativeSelect
            label={t('category')}
            value={isCategory(category) ? category : ''}
            onChange={(e) => filter('category', e.currentTarget.value)}
            data={[{ value: '', label: t('allCategories') }, ...HELP_CATEGORIES.map((c) => ({ value: c, label: t(`categories.${c}`) }))]}
          />
        </Group>
      </search>
      {articles.isPending ? (
        <Loading />
      ) : articles.isError ? (
        <ErrorAlert error={articles.error} />
      ) : articles.data.items.length === 0 ? (
        <Text c="dimmed" role="status">
          {t('console.none')}
        </Text>
      ) : (
        <>
          <TableScroll label={t('console.title')} minWidth={640}>
            <Table striped>
              <Table.Caption className="visually-hidden">{t('console.title')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.columns.title')}</Table.Th>
                  <Table.Th scope="col">{t('console.columns.language')}</Table.Th>
                  <Table.Th scope="col">{t('console.columns.category')}</Table.Th>
                  <Table.Th scope="col">{t('console.columns.position')}</Table.Th>
                  <Table.Th scope="col">{t('console.columns.status')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {articles.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Th scope="row">
                      <Anchor component={Link} to={`/content/help/${a.id}`} fw={600} lang={a.locale}>
                        {a.title}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>{t(`languages.${a.locale}`)}</Table.Td>
                    <Table.Td>{t(`categories.${a.category}`)}</Table.Td>
                    <Table.Td>{a.position}</Table.Td>
                    <Table.Td>
                      {a.published ? (
                        <Badge color="teal.9">{t('console.published')}</Badge>
                      ) : (
                        <Badge variant="outline" color="gray.8">
                          {t('console.draft')}
                        </Badge>
                      )}
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={articles.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

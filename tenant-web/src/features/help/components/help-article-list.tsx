import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { HELP_CATEGORIES } from '@portico/shared/contracts/content';
import type { HelpCategory, PortalHelpArticleSummary } from '@portico/shared/contracts/help';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** One result: its title as the link, the highlighted snippet of a search (plain text, `<mark>`ed), else the excerpt. */
function ArticleCard({ article, headingLevel, uiLocale }: { article: PortalHelpArticleSummary; headingLevel: 2 | 3; uiLocale: string }) {
  const { t } = useTranslation('help');
  return (
    <Paper withBorder p="sm" component="li" style={{ listStyle: 'none' }}>
      <Title order={headingLevel} size="h5">
        <Anchor component={Link} to={`/help/${article.id}`}>
          {article.title}
        </Anchor>
      </Title>
      <Text size="sm" c="dimmed">
        {article.snippet
          ? article.snippet.map((part, i) =>
              // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder
              part.match ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>,
            )
          : article.excerpt}
      </Text>
      {article.locale !== uiLocale && (
        <Text size="xs" lang={article.locale}>
          {t('otherLanguage', { language: t(`languages.${article.locale}`) })}
        </Text>
      )}
    </Paper>
  );
}

const listStyle = { padding: 0, margin: 0 } as const;

/** Search results best first; without a search, the articles under their topics in the topics' order. */
export function HelpArticleList({
  items,
  searching,
  uiLocale,
}: {
  items: PortalHelpArticleSummary[];
  searching: boolean;
  uiLocale: string;
}) {
  const { t } = useTranslation('help');
  if (searching) {
    return (
      <Stack component="ul" gap="xs" style={listStyle}>
        {items.map((a) => (
          <ArticleCard key={a.id} article={a} headingLevel={3} uiLocale={uiLocale} />
        ))}
      </Stack>
    );
  }
  const byCategory = new Map<HelpCategory, PortalHelpArticleSummary[]>();
  for (const a of items) byCategory.set(a.category, [...(byCategory.get(a.category) ?? []), a]);
  return (
    <Stack gap="lg">
      {HELP_CATEGORIES.filter((c) => byCategory.has(c)).map((c) => (
        <Stack key={c} gap="xs" component="section" aria-labelledby={`help-${c}`}>
          <Title order={2} size="h4" id={`help-${c}`}>
            {t(`categories.${c}`)}
          </Title>
          <Stack component="ul" gap="xs" style={listStyle}>
            {byCategory.get(c)!.map((a) => (
              <ArticleCard key={a.id} article={a} headingLevel={3} uiLocale={uiLocale} />
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}

import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { RichText } from '@/components/rich-text';
import { useHelpArticle } from '@/features/help/api/get-help-article';
import { SignInProblems } from '@/features/help/components/sign-in-problems';
import { formatDate } from '@/lib/format';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** One help article (issue 12 §3): its sanitised HTML, in its own language. */
export function HelpArticleRoute() {
  const { t, ready, i18n } = useTranslation('help');
  const { articleId = '' } = useParams();
  const { membership } = useOutletContext<PortalOutletContext>();
  const customerId = membership?.customerId ?? '';
  const article = useHelpArticle(customerId, articleId);
  usePageTitle(article.data?.title ?? (ready ? t('title') : ''));

  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/help">
        {t('back')}
      </Anchor>
      {article.isPending && customerId && <PageLoader />}
      {article.isError && (
        <>
          <Title order={1}>{t('title')}</Title>
          <Alert color="yellow" variant="light" role="status">
            {t('notFound')}
          </Alert>
        </>
      )}
      {article.data && (
        <Stack gap="xs" component="article" lang={article.data.locale}>
          <Title order={1}>{article.data.title}</Title>
          <Text size="sm" c="dimmed">
            {t('updated', { date: formatDate(article.data.updatedAt, i18n.resolvedLanguage ?? 'en') })}
          </Text>
          <RichText html={article.data.bodyHtml} />
        </Stack>
      )}
      {customerId && <SignInProblems customerId={customerId} />}
    </Stack>
  );
}

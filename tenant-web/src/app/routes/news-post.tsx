import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import { useTranslation } from 'react-i18next';
import { Link, useOutletContext, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { RichText } from '@/components/rich-text';
import { usePost } from '@/features/posts/api/get-post';
import { PostMeta } from '@/features/posts/components/post-list';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** One post: its image, text (sanitised HTML from the API) and which of the tenant's properties it is for. */
export function NewsPostRoute() {
  const { t, ready } = useTranslation('posts');
  const { postId = '' } = useParams();
  const { membership } = useOutletContext<PortalOutletContext>();
  const post = usePost(membership?.customerId ?? '', postId);
  usePageTitle(post.data?.title ?? (ready ? t('title') : ''));
  if (!ready || (post.isPending && membership)) return <PageLoader />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/news">
        ← {t('back')}
      </Anchor>
      {post.isError || !post.data ? (
        <Alert color="red" role="alert">
          {post.error instanceof ApiRequestError && post.error.status !== 404 ? errorText(t, post.error) : t('notFound')}
        </Alert>
      ) : (
        <article>
          <Stack gap="sm">
            <Title order={1} className="break-anywhere">
              {post.data.title}
            </Title>
            <PostMeta post={post.data} />
            {post.data.properties.length ? (
              <Text size="sm" c="gray.7">
                {t('for', { properties: post.data.properties.map((p) => p.name).join(', ') })}
              </Text>
            ) : null}
            {post.data.imageUrl ? <img className="post-image" src={post.data.imageUrl} alt="" /> : null}
            <RichText html={post.data.bodyHtml} />
          </Stack>
        </article>
      )}
    </Stack>
  );
}

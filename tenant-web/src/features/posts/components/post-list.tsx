import { Alert, Anchor, Badge, Group, Paper, Stack, Tabs, Text } from '@mantine/core';
import { POST_CATEGORIES, type PortalPostSummary, type PostCategory } from '@portico/shared/contracts/content';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { usePosts } from '../api/get-posts';

export const POST_PAGE_SIZE = 20;
const ALL = 'all';

/** The category lives in the URL (`?category=bulletin`), so a link or the back button keeps the tab. */
function useCategoryParam(): [PostCategory | undefined, (c: PostCategory | undefined) => void] {
  const [params, setParams] = useSearchParams();
  const raw = params.get('category');
  const category = (POST_CATEGORIES as readonly string[]).includes(raw ?? '') ? (raw as PostCategory) : undefined;
  const set = (c: PostCategory | undefined) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.delete('cursor');
        if (c) next.set('category', c);
        else next.delete('category');
        return next;
      },
      { replace: true },
    );
  return [category, set];
}

export function PostMeta({ post }: { post: Pick<PortalPostSummary, 'category' | 'pinned' | 'publishedAt'> }) {
  const { t, i18n } = useTranslation('posts');
  return (
    <Group gap="xs" wrap="wrap">
      {post.pinned ? (
        <Badge color="indigo.9" variant="filled" size="sm">
          {t('pinned')}
        </Badge>
      ) : null}
      <Badge color="gray.8" variant="outline" size="sm">
        {t(`category.${post.category}`)}
      </Badge>
      <Text size="sm" c="gray.7">
        <time dateTime={post.publishedAt}>{t('published', { date: formatDate(post.publishedAt, i18n.language) })}</time>
      </Text>
    </Group>
  );
}

function PostCard({ post }: { post: PortalPostSummary }) {
  return (
    <Paper component="li" withBorder p="sm" className="post-card">
      <Group align="flex-start" wrap="nowrap" gap="sm">
        {post.imageUrl ? <img className="post-thumb" src={post.imageUrl} alt="" loading="lazy" width={96} height={72} /> : null}
        <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
          <Text component="h2" size="md" fw={600} m={0} className="break-anywhere">
            <Anchor component={Link} to={`/news/${post.id}`}>
              {post.title}
            </Anchor>
          </Text>
          <PostMeta post={post} />
          {post.excerpt ? (
            <Text size="sm" lineClamp={3} className="break-anywhere">
              {post.excerpt}
            </Text>
          ) : null}
        </Stack>
      </Group>
    </Paper>
  );
}

/** Seeds 002/004: news, the bulletin board and area information, one tab each (and all together). */
export function PostList({ customerId }: { customerId: string }) {
  const { t } = useTranslation('posts');
  const [cursor, setCursor] = useCursorParam();
  const [category, setCategory] = useCategoryParam();
  // Another customer's list starts at its first page.
  const shownCustomer = useRef(customerId);
  useEffect(() => {
    if (shownCustomer.current === customerId) return;
    shownCustomer.current = customerId;
    setCursor(undefined);
  }, [customerId, setCursor]);
  const posts = usePosts({ customerId, category, cursor, limit: POST_PAGE_SIZE });

  let body: React.ReactNode;
  if (posts.isPending) body = <PageLoader />;
  else if (posts.isError)
    body = (
      <Alert color="red" role="alert">
        {errorText(t, posts.error)}
      </Alert>
    );
  else if (!posts.data.items.length)
    body = (
      <Text py="lg" c="gray.7">
        {t('empty')}
      </Text>
    );
  else
    body = (
      <>
        <Stack component="ul" gap="sm" className="plain-list" aria-label={t('listLabel')}>
          {posts.data.items.map((post) => (
            <PostCard key={post.id} post={post} />
          ))}
        </Stack>
        <CursorPager label={t('pagination')} page={posts.data} onCursor={setCursor} />
      </>
    );

  return (
    <Tabs value={category ?? ALL} onChange={(v) => setCategory(v && v !== ALL ? (v as PostCategory) : undefined)} keepMounted={false}>
      <Tabs.List aria-label={t('categoriesLabel')}>
        <Tabs.Tab value={ALL}>{t('all')}</Tabs.Tab>
        {POST_CATEGORIES.map((c) => (
          <Tabs.Tab key={c} value={c}>
            {t(`category.${c}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      <Tabs.Panel value={category ?? ALL} pt="md">
        {body}
      </Tabs.Panel>
    </Tabs>
  );
}

import { Anchor, Badge, Group, NativeSelect, Table, Text } from '@mantine/core';
import { POST_CATEGORIES, type PostCategory } from '@portico/shared/contracts/content';
import type { PostSummary } from '@portico/shared/contracts/posts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { intlLocale } from '@/lib/i18n';
import { usePosts } from '../api/get-posts';

export const POSTS_PAGE_SIZE = 25;

const STATE_COLOR: Record<PostSummary['state'], string> = { scheduled: 'blue.9', published: 'teal.9', expired: 'gray.8' };

export const formatWhen = (iso: string) =>
  new Intl.DateTimeFormat(intlLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

export function PostStateBadge({ state }: { state: PostSummary['state'] }) {
  const { t } = useTranslation('posts');
  return (
    <Badge color={STATE_COLOR[state]} variant="filled" size="sm">
      {t(`console.state.${state}`)}
    </Badge>
  );
}

/** The console's posts, newest first, with a category filter (the cursor and filter live in the URL). */
export function PostList({
  category,
  onCategory,
}: {
  category: PostCategory | undefined;
  onCategory: (c: PostCategory | undefined) => void;
}) {
  const { t } = useTranslation('posts');
  const [cursor, setCursor] = useCursorParam();
  const posts = usePosts({ category, cursor, limit: POSTS_PAGE_SIZE });
  return (
    <>
      <Group mb="md" align="flex-end">
        <NativeSelect
          label={t('console.filter')}
          value={category ?? ''}
          onChange={(e) => onCategory((e.currentTarget.value || undefined) as PostCategory | undefined)}
          data={[{ value: '', label: t('all') }, ...POST_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) }))]}
        />
      </Group>
      <ErrorAlert error={posts.error} />
      {posts.isPending ? (
        <Loading />
      ) : posts.data && posts.data.items.length === 0 ? (
        <Text c="dimmed">{t('empty')}</Text>
      ) : posts.data ? (
        <>
          <TableScroll label={t('listLabel')} minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.col.title')}</Table.Th>
                  <Table.Th scope="col">{t('console.col.category')}</Table.Th>
                  <Table.Th scope="col">{t('console.col.state')}</Table.Th>
                  <Table.Th scope="col">{t('console.col.window')}</Table.Th>
                  <Table.Th scope="col">{t('console.col.for')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {posts.data.items.map((post) => (
                  <Table.Tr key={post.id}>
                    <Table.Th scope="row">
                      <Group gap="xs" wrap="nowrap">
                        <Anchor component={Link} to={`/content/posts/${post.id}`} fw={600}>
                          {post.title}
                        </Anchor>
                        {post.pinned && (
                          <Badge color="indigo.9" variant="filled" size="xs">
                            {t('pinned')}
                          </Badge>
                        )}
                      </Group>
                    </Table.Th>
                    <Table.Td>{t(`category.${post.category}`)}</Table.Td>
                    <Table.Td>
                      <PostStateBadge state={post.state} />
                    </Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {post.publishUntil
                        ? t('console.windowBetween', { from: formatWhen(post.publishFrom), until: formatWhen(post.publishUntil) })
                        : t('console.windowFrom', { from: formatWhen(post.publishFrom) })}
                    </Table.Td>
                    <Table.Td>{post.allProperties ? t('console.allProperties') : post.properties.map((p) => p.name).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={posts.data} onCursor={setCursor} />
        </>
      ) : null}
    </>
  );
}

import { Button, Group } from '@mantine/core';
import { POST_CATEGORIES, type PostCategory } from '@portico/shared/contracts/content';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { PostList } from '@/features/posts/components/post-list';

/** Issue 12 §2: news, bulletin posts and area information (admins and managers). */
export function ContentPostsRoute() {
  const { t } = useTranslation('posts');
  const [params, setParams] = useSearchParams();
  const raw = params.get('category');
  const category = (POST_CATEGORIES as readonly string[]).includes(raw ?? '') ? (raw as PostCategory) : undefined;
  // Another category starts again from the first page (the cursor is dropped).
  const onCategory = useCallback(
    (next: PostCategory | undefined) =>
      setParams(
        (previous) => {
          const merged = new URLSearchParams(previous);
          merged.delete('cursor');
          if (next) merged.set('category', next);
          else merged.delete('category');
          return merged;
        },
        { replace: true },
      ),
    [setParams],
  );
  return (
    <>
      <PageHeading title={t('console.title')} />
      <Group mb="md">
        <Button component={Link} to="/content/posts/new">
          {t('console.new')}
        </Button>
      </Group>
      <PostList category={category} onCategory={onCategory} />
    </>
  );
}

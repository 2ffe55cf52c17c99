import { Alert, Anchor, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { usePost } from '@/features/posts/api/get-posts';
import { useDeletePost } from '@/features/posts/api/save-post';
import { PostForm } from '@/features/posts/components/post-form';
import { PostStateBadge } from '@/features/posts/components/post-list';

function Back() {
  const { t } = useTranslation('posts');
  return (
    <Anchor component={Link} to="/content/posts" mb="sm" display="inline-block">
      ← {t('console.title')}
    </Anchor>
  );
}

/** `/content/posts/new`: write and publish a post. */
export function ContentPostNewRoute() {
  const { t } = useTranslation('posts');
  const navigate = useNavigate();
  return (
    <>
      <Back />
      <PageHeading title={t('console.newTitle')} />
      <PostForm
        onSaved={(post) => navigate(`/content/posts/${post.id}`, { replace: true, state: { saved: true } })}
        onCancel={() => navigate('/content/posts')}
      />
    </>
  );
}

/** `/content/posts/:postId`: edit a post, or delete it after a confirmation. */
export function ContentPostRoute() {
  const { t } = useTranslation('posts');
  const { postId = '' } = useParams();
  const navigate = useNavigate();
  const post = usePost(postId);
  const remove = useDeletePost(postId);
  const [asking, setAsking] = useState(false);
  const location = useLocation();
  const [saved, setSaved] = useState(Boolean((location.state as { saved?: boolean } | null)?.saved));

  if (post.isPending) return <Loading />;
  if (post.isError)
    return (
      <>
        <Back />
        {post.error instanceof ApiRequestError && post.error.status === 404 ? (
          <Alert color="red" role="alert">
            {t('notFound')}
          </Alert>
        ) : (
          <ErrorAlert error={post.error} />
        )}
      </>
    );
  return (
    <>
      <Back />
      <PageHeading title={t('console.editTitle')} />
      <Group mb="md" gap="xs">
        <PostStateBadge state={post.data.state} />
      </Group>
      {saved && (
        <Alert color="teal" variant="light" role="status" mb="md">
          {t('console.form.saved')}
        </Alert>
      )}
      <PostForm key={post.data.updatedAt} post={post.data} onSaved={() => setSaved(true)} onCancel={() => navigate('/content/posts')} />
      <Stack mt="xl" maw={760}>
        <ErrorAlert error={remove.error} />
        {asking ? (
          <Paper withBorder p="sm" role="alertdialog" aria-labelledby="delete-post-title">
            <Text fw={600} id="delete-post-title">
              {t('console.form.deleteTitle')}
            </Text>
            <Text size="sm" my="xs">
              {t('console.form.deleteText')}
            </Text>
            <Group gap="xs">
              <Button
                color="red.9"
                loading={remove.isPending}
                onClick={() =>
                  remove.mutate(undefined, {
                    onSuccess: () => navigate('/content/posts', { replace: true }),
                  })
                }
              >
                {t('console.form.deleteConfirm')}
              </Button>
              <Button variant="default" onClick={() => setAsking(false)}>
                {t('console.form.cancel')}
              </Button>
            </Group>
          </Paper>
        ) : (
          <Group>
            <Button variant="default" color="red" onClick={() => setAsking(true)}>
              {t('console.form.delete')}
            </Button>
          </Group>
        )}
      </Stack>
    </>
  );
}

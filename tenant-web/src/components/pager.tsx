import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Previous / "Page n of m" / Next under a paged list; nothing when everything fits on one page. */
export function Pager({
  label,
  page,
  pages,
  onPageChange,
}: {
  label: string;
  page: number;
  pages: number;
  onPageChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <nav aria-label={label}>
      <Group justify="space-between" mt="md" gap="xs">
        <Button variant="default" size="sm" disabled={page <= 1} onClick={() => onPageChange(page - 1)}>
          {t('messages.pagination.previous')}
        </Button>
        <Text size="sm" aria-live="polite">
          {t('messages.pagination.page', { page, pages })}
        </Text>
        <Button variant="default" size="sm" disabled={page >= pages} onClick={() => onPageChange(page + 1)}>
          {t('messages.pagination.next')}
        </Button>
      </Group>
    </nav>
  );
}

import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ImportSummary } from '@portico/shared/contracts/imports';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { formatDateTime } from '@/lib/i18n';
import { useImports } from '../api/get-imports';
import { StatusBadge } from './status-badge';

export const IMPORTS_PAGE_SIZE = 20;

function ImportRow({ item }: { item: ImportSummary }) {
  const { t } = useTranslation(['console', 'imports']);
  return (
    <Paper component="li" withBorder p="sm" radius="sm">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/imports/${item.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
          {item.filename}
        </Anchor>
        <Group gap="xs">
          <Badge variant="outline" color="gray.8" size="sm">
            {t(`imports:kinds.${item.kind}`)}
          </Badge>
          <StatusBadge status={item.status} />
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        {t('imports.byLine', { name: item.createdBy, at: formatDateTime(item.createdAt), count: item.rowCount })}
      </Text>
      {item.counts && <Text size="sm">{t('imports.countsLine', item.counts)}</Text>}
    </Paper>
  );
}

export function ImportList() {
  const { t } = useTranslation();
  const [cursor, setCursor] = useCursorParam();
  const imports = useImports({ cursor, limit: IMPORTS_PAGE_SIZE });
  return (
    <Stack component="section" aria-labelledby="past-imports-title" gap="sm">
      <Title order={2} size="h4" id="past-imports-title">
        {t('imports.pastTitle')}
      </Title>
      {imports.isPending ? (
        <Loading />
      ) : imports.isError ? (
        <ErrorAlert error={imports.error} />
      ) : imports.data.items.length === 0 ? (
        <Text c="dimmed">{t('imports.none')}</Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" p={0} style={{ listStyle: 'none' }}>
            {imports.data.items.map((item) => (
              <ImportRow key={item.id} item={item} />
            ))}
          </Stack>
          <CursorPager page={imports.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

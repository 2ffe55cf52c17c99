import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { DOCUMENT_CATEGORIES } from '@portico/shared/contracts/content';
import type { PortalDocument } from '@portico/shared/contracts/documents';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { NativePicker } from '@/components/native-picker';
import { PageLoader } from '@/components/page-loader';
import { CursorPager, useCursorParam } from '@/components/pager';
import { errorText } from '@/lib/errors';
import { formatDate, formatFileSize } from '@/lib/format';
import { documentFileUrl, useDocuments } from '../api/get-documents';

export const DOCUMENT_PAGE_SIZE = 25;
type Category = (typeof DOCUMENT_CATEGORIES)[number];
const isCategory = (v: string | null): v is Category => !!v && (DOCUMENT_CATEGORIES as readonly string[]).includes(v);

function DocumentRow({ doc }: { doc: PortalDocument }) {
  const { t, i18n } = useTranslation('documents');
  const locale = i18n.language;
  return (
    <Paper component="li" withBorder p="sm" radius="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0, flex: '1 1 14rem' }}>
          <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
            {doc.title}
          </Text>
          <Text size="sm" c="gray.7">
            {t(`category.${doc.category}`)}
            {doc.about ? ` · ${doc.about}` : ''} · <time dateTime={doc.createdAt}>{formatDate(doc.createdAt.slice(0, 10), locale)}</time>
          </Text>
        </Stack>
        <Button
          component="a"
          href={documentFileUrl(doc.id)}
          download={doc.file.filename}
          variant="default"
          size="sm"
          aria-label={t('portal.downloadNamed', { title: doc.title })}
        >
          {t('portal.download', { size: formatFileSize(doc.file.size, locale) })}
        </Button>
      </Group>
    </Paper>
  );
}

/** Seed 004's Documents: newest first, filtered by category (in the URL), each with its download. */
export function DocumentList({ customerId }: { customerId: string }) {
  const { t } = useTranslation('documents');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const category = isCategory(params.get('category')) ? (params.get('category') as Category) : undefined;
  // Another customer's list starts at its first page.
  const shownCustomer = useRef(customerId);
  useEffect(() => {
    if (shownCustomer.current === customerId) return;
    shownCustomer.current = customerId;
    setCursor(undefined);
  }, [customerId, setCursor]);
  const docs = useDocuments({ customerId, category, cursor, limit: DOCUMENT_PAGE_SIZE });

  const chooseCategory = (value: string) =>
    setParams((previous) => {
      const next = new URLSearchParams(previous);
      next.delete('cursor');
      if (value) next.set('category', value);
      else next.delete('category');
      return next;
    });

  return (
    <Stack gap="md">
      <NativePicker
        label={t('portal.categoryFilter')}
        value={category ?? ''}
        onChange={chooseCategory}
        options={[
          { value: '', label: t('portal.allCategories') },
          ...DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
        ]}
        className="document-filter"
      />
      {docs.isPending ? (
        <PageLoader />
      ) : docs.isError ? (
        <Alert color="red" role="alert">
          {errorText(t, docs.error)}
        </Alert>
      ) : !docs.data.items.length ? (
        <Text py="lg" c="gray.7">
          {category ? t('portal.emptyCategory') : t('portal.empty')}
        </Text>
      ) : (
        <>
          <Stack component="ul" gap="xs" className="plain-list" aria-label={t('portal.listLabel')}>
            {docs.data.items.map((doc) => (
              <DocumentRow key={doc.id} doc={doc} />
            ))}
          </Stack>
          <CursorPager label={t('portal.pagerLabel')} page={docs.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

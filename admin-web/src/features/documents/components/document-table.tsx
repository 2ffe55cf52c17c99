import { Alert, Anchor, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { DOCUMENT_CATEGORIES } from '@portico/shared/contracts/content';
import type { Document } from '@portico/shared/contracts/documents';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { CursorPager } from '@/components/pager';
import { TableScroll } from '@/components/table-scroll';
import { documentFileUrl, useDeleteDocument, useDocuments } from '../api/documents';

export const DOCUMENT_PAGE_SIZE = 25;
export type DocumentFilters = { category?: string | undefined; propertyId?: string | undefined; customerId?: string | undefined };

function targetOf(doc: Document) {
  return doc.customer?.name ?? (doc.lease ? doc.lease.number : (doc.property?.name ?? ''));
}

/** The console's documents, newest first, with the filters (kept in the URL by the route) and delete. */
export function DocumentTable({
  filters,
  onFilters,
  cursor,
  onCursor,
  properties,
  onDeleted,
}: {
  filters: DocumentFilters;
  onFilters: (f: DocumentFilters) => void;
  cursor: string | undefined;
  onCursor: (c: string | undefined) => void;
  properties: { id: string; name: string }[];
  onDeleted: (message: string) => void;
}) {
  const { t, i18n } = useTranslation('documents');
  const docs = useDocuments({
    limit: DOCUMENT_PAGE_SIZE,
    cursor,
    ...(filters.category ? { category: filters.category as Document['category'] } : {}),
    ...(filters.propertyId ? { propertyId: filters.propertyId } : {}),
    ...(filters.customerId ? { customerId: filters.customerId } : {}),
  });
  const remove = useDeleteDocument();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' });
  return (
    <Stack gap="sm">
      <Group align="end" wrap="wrap">
        <NativeSelect
          label={t('console.category')}
          value={filters.category ?? ''}
          onChange={(e) => onFilters({ ...filters, category: e.currentTarget.value || undefined })}
          data={[
            { value: '', label: t('console.allCategories') },
            ...DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`category.${c}`) })),
          ]}
        />
        <NativeSelect
          label={t('console.property')}
          value={filters.propertyId ?? ''}
          onChange={(e) => onFilters({ ...filters, propertyId: e.currentTarget.value || undefined })}
          data={[{ value: '', label: t('console.anyProperty') }, ...properties.map((p) => ({ value: p.id, label: p.name }))]}
        />
      </Group>
      <ErrorAlert error={remove.error} />
      {docs.isError ? (
        <ErrorAlert error={docs.error} />
      ) : !docs.data ? null : docs.data.items.length === 0 ? (
        <Alert variant="light" color="gray">
          {t('console.empty')}
        </Alert>
      ) : (
        <>
          <TableScroll label={t('console.tableLabel')} minWidth={720}>
            <Table striped verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('console.docTitle')}</Table.Th>
                  <Table.Th scope="col">{t('console.category')}</Table.Th>
                  <Table.Th scope="col">{t('console.target')}</Table.Th>
                  <Table.Th scope="col">{t('console.created')}</Table.Th>
                  <Table.Th scope="col">{t('console.actions')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {docs.data.items.map((doc) => (
                  <Table.Tr key={doc.id}>
                    <Table.Td>
                      <Anchor href={documentFileUrl(doc.id)} download={doc.file.filename}>
                        {doc.title}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{t(`category.${doc.category}`)}</Table.Td>
                    <Table.Td>
                      <Text size="sm">{t(`scope.${doc.scope}`)}</Text>
                      <Text size="sm" c="gray.7">
                        {targetOf(doc)}
                      </Text>
                    </Table.Td>
                    <Table.Td>{date.format(new Date(doc.createdAt))}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red.9"
                        aria-label={`${t('console.delete')}: ${doc.title}`}
                        loading={remove.isPending && remove.variables === doc.id}
                        onClick={() => {
                          if (!window.confirm(t('console.deleteConfirm', { title: doc.title }))) return;
                          remove.mutate(doc.id, { onSuccess: () => onDeleted(t('console.deleted')) });
                        }}
                      >
                        {t('console.delete')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </TableScroll>
          <CursorPager page={docs.data} onCursor={onCursor} />
        </>
      )}
    </Stack>
  );
}

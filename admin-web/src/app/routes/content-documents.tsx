import { Alert, Stack } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useCursorParam } from '@/components/pager';
import { useProperties } from '@/features/cases/api/get-properties';
import { CustomerPicker } from '@/features/customers/components/customer-picker';
import { DocumentForm } from '@/features/documents/components/document-form';
import { type DocumentFilters, DocumentTable } from '@/features/documents/components/document-table';

/** Issue 12 §5: the landlord's documents for customers, leases and properties (admins and managers). */
export function ContentDocumentsRoute() {
  const { t } = useTranslation('documents');
  const [params, setParams] = useSearchParams();
  const [cursor, setCursor] = useCursorParam();
  const properties = useProperties();
  const [notice, setNotice] = useState<string | null>(null);
  const filters: DocumentFilters = {
    category: params.get('category') ?? undefined,
    propertyId: params.get('propertyId') ?? undefined,
    customerId: params.get('customerId') ?? undefined,
  };
  const setFilters = (f: DocumentFilters) =>
    setParams(() => {
      const next = new URLSearchParams();
      for (const [k, v] of Object.entries(f)) if (v) next.set(k, v);
      return next;
    });
  const propertyList = properties.data?.items ?? [];
  return (
    <Stack gap="lg">
      <PageHeading title={t('console.title')} />
      {notice ? (
        <Alert color="teal" variant="light" role="status" withCloseButton onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      ) : null}
      <DocumentForm
        properties={propertyList}
        onDone={setNotice}
        renderCustomerPicker={(value, onChange) => <CustomerPicker value={value} onChange={onChange} />}
      />
      <DocumentTable
        filters={filters}
        onFilters={setFilters}
        cursor={cursor}
        onCursor={setCursor}
        properties={propertyList}
        onDeleted={setNotice}
      />
    </Stack>
  );
}

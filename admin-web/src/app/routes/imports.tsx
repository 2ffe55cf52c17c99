import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { ImportList } from '@/features/imports/components/import-list';
import { NewImport } from '@/features/imports/components/new-import';

/** Spreadsheet imports (admins and managers): start one, and the past ones. */
export function ImportsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('imports.title')} />
      <Stack gap="lg">
        <NewImport />
        <ImportList />
      </Stack>
    </>
  );
}

import { Anchor, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useImport } from '@/features/imports/api/get-import';
import { ImportDetail } from '@/features/imports/components/import-detail';

export function ImportRoute() {
  const { t } = useTranslation();
  const { importId = '' } = useParams();
  const detail = useImport(importId);
  return (
    <Stack gap="sm">
      <Anchor component={Link} to="/imports" size="sm">
        {t('imports.back')}
      </Anchor>
      <PageHeading title={detail.data ? t('imports.detailTitle', { filename: detail.data.filename }) : t('imports.title')} />
      {detail.isPending ? (
        <Loading />
      ) : detail.isError ? (
        <ErrorAlert error={detail.error} />
      ) : (
        <ImportDetail key={importId} detail={detail.data} />
      )}
    </Stack>
  );
}

import { Anchor, Button, FileInput, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { IMPORT_KINDS, IMPORT_MAX_ROWS, type ImportKind, MAX_IMPORT_BYTES } from '@portico/shared/contracts/imports';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { intlLocale } from '@/lib/i18n';
import { useUploadImport } from '../api/upload-import';

/** Choose the kind, fetch its template, upload a file: then on to the import's own page (mapping, dry run, commit). */
export function NewImport() {
  const { t } = useTranslation(['console', 'imports']);
  const navigate = useNavigate();
  const [kind, setKind] = useState<ImportKind>('properties');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadImport();
  const template = (format: 'xlsx' | 'csv') => `/api/v1/imports/templates/${kind}?format=${format}`;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="new-import-title">
      <Title order={2} size="h4" id="new-import-title" mb="sm">
        {t('imports.newTitle')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate({ kind, file }, { onSuccess: (detail) => navigate(`/imports/${detail.id}`) });
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label={t('imports.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as ImportKind)}
            data={IMPORT_KINDS.map((k) => ({ value: k, label: t(`imports:kinds.${k}`) }))}
          />
          <Group gap="md">
            <Text size="sm">{t('imports.template')}</Text>
            <Anchor href={template('xlsx')} download size="sm">
              {t('imports.templateXlsx')}
            </Anchor>
            <Anchor href={template('csv')} download size="sm">
              {t('imports.templateCsv')}
            </Anchor>
          </Group>
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHelp', {
              rows: IMPORT_MAX_ROWS.toLocaleString(intlLocale()),
              maxMb: MAX_IMPORT_BYTES / 1024 / 1024,
            })}
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            value={file}
            onChange={setFile}
            clearable
          />
          <ErrorAlert error={upload.error} />
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t('imports.upload')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

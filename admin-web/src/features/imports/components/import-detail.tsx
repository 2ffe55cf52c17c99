import { Alert, Anchor, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportDetail as Detail, ImportPhase } from '@portico/shared/contracts/imports';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { TableScroll } from '@/components/table-scroll';
import { intlLocale } from '@/lib/i18n';
import { useRunImport } from '../api/run-import';
import { useSaveMapping } from '../api/save-mapping';
import { StatusBadge } from './status-badge';

const IGNORE = '__ignore__';

/** One select per column header: a field of the kind, "ignore", or nothing yet (an unknown column). */
function MappingForm({ detail }: { detail: Detail }) {
  const { t } = useTranslation(['console', 'imports']);
  const save = useSaveMapping();
  const [mapping, setMapping] = useState<Record<string, string | null | undefined>>(detail.mapping);
  useEffect(() => setMapping(detail.mapping), [detail.mapping]);
  const locked = detail.status === 'committed' || detail.status === 'queued' || detail.status === 'running';
  const label = (key: string) => t(`imports:fields.${detail.kind}.${key}`);
  const options = [
    { value: '', label: t('imports.mapping.choose') },
    { value: IGNORE, label: t('imports.mapping.ignore') },
    ...detail.fields.map((f) => ({
      value: f.key,
      label: f.required ? t('imports.mapping.required', { field: label(f.key) }) : label(f.key),
    })),
  ];
  const dirty = JSON.stringify(mapping) !== JSON.stringify(detail.mapping);

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="mapping-title">
      <Title order={2} size="h4" id="mapping-title" mb="xs">
        {t('imports.mapping.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.mapping.help')}
      </Text>
      {detail.unknownColumns.length > 0 && (
        <Alert color="orange" variant="light" mb="sm" title={t('imports.mapping.unknownTitle')}>
          {detail.unknownColumns.join(', ')}
        </Alert>
      )}
      {detail.missingFields.length > 0 && (
        <Alert color="orange" variant="light" mb="sm" title={t('imports.mapping.missingTitle')}>
          {detail.missingFields.map(label).join(', ')}
        </Alert>
      )}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const body: Record<string, string | null> = {};
          for (const [header, field] of Object.entries(mapping)) if (field !== undefined) body[header] = field;
          save.mutate({ importId: detail.id, mapping: body });
        }}
      >
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {detail.headers.map((header) => {
            const value = mapping[header];
            return (
              <NativeSelect
                key={header}
                label={header}
                disabled={locked}
                value={value === undefined ? '' : value === null ? IGNORE : value}
                onChange={(event) => {
                  const next = event.currentTarget.value;
                  setMapping((m) => ({ ...m, [header]: next === '' ? undefined : next === IGNORE ? null : next }));
                }}
                data={options}
              />
            );
          })}
        </SimpleGrid>
        <ErrorAlert error={save.error} />
        {!locked && (
          <Group mt="sm">
            <Button type="submit" variant={dirty ? 'filled' : 'default'} loading={save.isPending}>
              {t('imports.mapping.save')}
            </Button>
          </Group>
        )}
      </form>
    </Paper>
  );
}

function Counts({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  if (!detail.counts) return null;
  const n = (v: number) => v.toLocaleString(intlLocale());
  return (
    <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="xs" component="dl" m={0}>
      {(['created', 'updated', 'unchanged', 'errors'] as const).map((key) => (
        <Paper key={key} withBorder p="xs" radius="sm">
          <Text component="dt" size="sm" c="dimmed">
            {t(`imports.counts.${key}`)}
          </Text>
          <Text component="dd" m={0} fw={700} size="lg" c={key === 'errors' && detail.counts!.errors > 0 ? 'red.8' : undefined}>
            {n(detail.counts![key])}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  );
}

function RowErrors({ detail }: { detail: Detail }) {
  const { t } = useTranslation();
  if (detail.errorCount === 0) return null;
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={3} size="h5">
          {t('imports.errors.title', { count: detail.errorCount })}
        </Title>
        <Anchor href={`/api/v1/imports/${detail.id}/errors.csv`} download size="sm">
          {t('imports.errors.report')}
        </Anchor>
      </Group>
      <TableScroll label={t('imports.errors.title', { count: detail.errorCount })} minWidth={520}>
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('imports.errors.row')}</Table.Th>
              <Table.Th scope="col">{t('imports.errors.column')}</Table.Th>
              <Table.Th scope="col">{t('imports.errors.message')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.errors.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row can have several errors on one column
              <Table.Tr key={`${e.row}-${e.column}-${i}`}>
                <Table.Td>{e.row || '–'}</Table.Td>
                <Table.Td>{e.column ?? '–'}</Table.Td>
                <Table.Td>{e.message}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </TableScroll>
      {detail.errorCount > detail.errors.length && (
        <Text size="sm" c="dimmed">
          {t('imports.errors.more', { shown: detail.errors.length, count: detail.errorCount })}
        </Text>
      )}
    </Stack>
  );
}

/** An import's page: its columns' mapping, then dry run → results → commit; a large file shows the worker's progress. */
export function ImportDetail({ detail }: { detail: Detail }) {
  const { t } = useTranslation(['console', 'imports']);
  const run = useRunImport();
  const busy = detail.status === 'queued' || detail.status === 'running';
  const mappingOk = detail.unknownColumns.length === 0 && detail.missingFields.length === 0;
  const hasErrors = (detail.counts?.errors ?? 0) > 0;
  const canCommit = detail.status === 'checked' && !hasErrors;
  const start = (phase: ImportPhase) => run.mutate({ importId: detail.id, phase });
  const n = (v: number) => v.toLocaleString(intlLocale());

  return (
    <Stack>
      <Group gap="xs">
        <StatusBadge status={detail.status} />
        <Text size="sm">
          {t(`imports:kinds.${detail.kind}`)} · {t('imports.rows', { count: detail.rowCount, formatted: n(detail.rowCount) })}
        </Text>
      </Group>
      <MappingForm detail={detail} />
      <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="run-title">
        <Title order={2} size="h4" id="run-title" mb="xs">
          {t('imports.run.title')}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {detail.background ? t('imports.run.background') : t('imports.run.help')}
        </Text>
        {busy && detail.progress && (
          <Stack gap={4} mb="sm">
            <Text size="sm" id="import-progress-label">
              {t(detail.phase === 'commit' ? 'imports.run.committing' : 'imports.run.checking', {
                done: n(detail.progress.done),
                total: n(detail.progress.total),
              })}
            </Text>
            <Progress
              value={detail.progress.total ? (100 * detail.progress.done) / detail.progress.total : 0}
              aria-labelledby="import-progress-label"
              animated
              size="lg"
            />
          </Stack>
        )}
        {detail.status === 'committed' && (
          <Alert color="green" variant="light" mb="sm" role="status" title={t('imports.run.committed')}>
            {detail.counts && t('imports.countsLine', detail.counts)}
          </Alert>
        )}
        {detail.status === 'failed' && (
          <Alert color="red" variant="light" mb="sm" role="alert" title={t('imports.run.failed')}>
            {t('imports.run.failedHelp')}
          </Alert>
        )}
        {detail.status === 'checked' && (
          <Alert
            color={hasErrors ? 'orange' : 'teal'}
            variant="light"
            mb="sm"
            role="status"
            title={t(hasErrors ? 'imports.run.checkedErrors' : 'imports.run.checkedOk')}
          >
            {detail.counts && t('imports.countsLine', detail.counts)}
          </Alert>
        )}
        <Counts detail={detail} />
        <ErrorAlert error={run.error} />
        {detail.status !== 'committed' && (
          <Group mt="sm">
            <Button
              variant={canCommit ? 'default' : 'filled'}
              disabled={busy || !mappingOk}
              loading={run.isPending && run.variables?.phase === 'dry_run'}
              onClick={() => start('dry_run')}
            >
              {t('imports.run.dryRun')}
            </Button>
            <Button
              disabled={busy || !canCommit}
              loading={run.isPending && run.variables?.phase === 'commit'}
              onClick={() => start('commit')}
            >
              {t('imports.run.commit', { count: detail.rowCount, formatted: n(detail.rowCount) })}
            </Button>
          </Group>
        )}
      </Paper>
      <RowErrors detail={detail} />
    </Stack>
  );
}

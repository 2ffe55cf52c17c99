import { Button, FileInput, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { MAX_BGMAX_BYTES, type PaymentImportSummary, type PaymentImportTally } from '@portico/shared/contracts/payments';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { formatMoney } from '@/lib/format';
import { formatDateTime } from '@/lib/i18n';
import { usePaymentImports } from '../api/get-imports';
import { useUploadBgmax } from '../api/upload-bgmax';

const OUTCOMES: (keyof PaymentImportTally)[] = ['matched', 'partial', 'over', 'unmatched', 'deductions'];

/** What an import did: how many payments and how much per outcome. */
export function ImportTally({ summary }: { summary: PaymentImportSummary }) {
  const { t } = useTranslation('payments');
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="dl" m={0}>
      {OUTCOMES.map((o) => (
        <div key={o} data-testid={`tally-${o}`}>
          <Text component="dt" size="sm" c="dimmed">
            {t(`tally.${o}`)}
          </Text>
          <Text component="dd" m={0} fw={600}>
            {t('tally.value', { count: summary.tally[o].count, amount: formatMoney(summary.tally[o].totalMinor, summary.currency) })}
          </Text>
        </div>
      ))}
    </SimpleGrid>
  );
}

function ImportCard({ summary, heading }: { summary: PaymentImportSummary; heading?: boolean }) {
  const { t } = useTranslation('payments');
  return (
    <Paper component={heading ? 'div' : 'li'} withBorder p="sm" radius="sm">
      <Text fw={600}>
        {t('imports.fileLine', {
          date: summary.fileCreatedAt,
          sequence: summary.depositSerials.join(', '),
          count: summary.paymentCount,
          amount: formatMoney(summary.totalMinor, summary.currency),
        })}
      </Text>
      <Text size="sm" c="dimmed" mb="xs">
        {t('imports.byLine', { name: summary.createdBy?.name ?? '—', at: formatDateTime(summary.createdAt) })}
      </Text>
      <ImportTally summary={summary} />
      <Group mt="xs" gap="md">
        <Link to={`/billing/payments?importId=${summary.id}`}>{t('imports.showPayments')}</Link>
        {summary.tally.unmatched.count + summary.tally.deductions.count > 0 && <Link to="/billing/unmatched">{t('imports.toQueue')}</Link>}
      </Group>
    </Paper>
  );
}

/** Upload a BgMax file from Bankgirot; the result, or what is wrong with the file (with its line). */
export function BgmaxUpload() {
  const { t } = useTranslation('payments');
  const [file, setFile] = useState<File | null>(null);
  const upload = useUploadBgmax();
  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="bgmax-upload-title">
      <Title order={2} size="h4" id="bgmax-upload-title" mb="sm">
        {t('imports.uploadTitle')}
      </Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (file) upload.mutate(file, { onSuccess: () => setFile(null) });
        }}
      >
        <Stack gap="sm">
          <FileInput
            label={t('imports.file')}
            description={t('imports.fileHelp', { maxMb: MAX_BGMAX_BYTES / 1024 / 1024 })}
            accept=".txt,.bgm,.bgmax,text/plain"
            value={file}
            onChange={(f) => {
              setFile(f);
              upload.reset();
            }}
            clearable
          />
          <ErrorAlert error={upload.error} />
          <Group>
            <Button type="submit" disabled={!file} loading={upload.isPending}>
              {t('imports.upload')}
            </Button>
          </Group>
          <div aria-live="polite">
            {upload.data && (
              <Stack gap="xs" data-testid="import-result">
                <Title order={3} size="h5">
                  {t('imports.resultTitle')}
                </Title>
                <ImportCard summary={upload.data} heading />
              </Stack>
            )}
          </div>
        </Stack>
      </form>
    </Paper>
  );
}

export const IMPORTS_PAGE_SIZE = 20;

export function PaymentImportList() {
  const { t } = useTranslation('payments');
  const [cursor, setCursor] = useCursorParam();
  const imports = usePaymentImports({ cursor, limit: IMPORTS_PAGE_SIZE });
  return (
    <Stack component="section" aria-labelledby="payment-imports-title" gap="sm">
      <Title order={2} size="h4" id="payment-imports-title">
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
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {imports.data.items.map((i) => (
              <ImportCard key={i.id} summary={i} />
            ))}
          </Stack>
          <CursorPager page={imports.data} onCursor={setCursor} />
        </>
      )}
    </Stack>
  );
}

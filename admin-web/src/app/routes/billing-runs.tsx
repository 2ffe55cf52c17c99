import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { CursorPager, useCursorParam } from '@/components/pager';
import { useMe } from '@/features/auth/api/get-me';
import { useRuns } from '@/features/billing/api/runs';
import { BillingRunList, BillingRunPanel } from '@/features/billing/components/billing-run-panel';
import { canManageBilling } from './billing-invoice';

/** Billing → Billing runs: preview and run a month (finance, admins); past runs for every reader. */
export function BillingRunsRoute() {
  const { t } = useTranslation('billing');
  const me = useMe();
  const [cursor, setCursor] = useCursorParam();
  const runs = useRuns(cursor);
  return (
    <>
      <PageHeading title={t('runs.title')} />
      <Stack gap="xl">
        {canManageBilling(me.data?.role) && <BillingRunPanel />}
        <div>
          <Title order={2} size="h3" mb="sm">
            {t('runs.history')}
          </Title>
          {runs.isPending ? (
            <Loading />
          ) : runs.isError ? (
            <ErrorAlert error={runs.error} />
          ) : (
            <>
              <BillingRunList runs={runs.data.items} />
              <CursorPager page={runs.data} onCursor={setCursor} />
            </>
          )}
        </div>
      </Stack>
    </>
  );
}

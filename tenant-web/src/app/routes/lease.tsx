import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useOutletContext, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { caseKeys } from '@/features/cases/api/keys';
import { useLease } from '@/features/leases/api/get-lease';
import { useRequestLeaseCopy } from '@/features/leases/api/request-copy';
import { LeaseView } from '@/features/leases/components/lease-view';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';
import type { CaseCreatedState } from './new-case';
import type { PortalOutletContext } from './portal-layout';

/** One lease (seed 001): facts, units, rent, the signed lease or "Request a copy", and its cases. */
export function LeaseRoute() {
  const { t, ready } = useTranslation('leases');
  const { t: tPortal } = useTranslation();
  const { leaseId = '' } = useParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { membership } = useOutletContext<PortalOutletContext>();
  const customerId = membership?.customerId ?? '';
  const detail = useLease(customerId, leaseId);
  const copy = useRequestLeaseCopy(customerId, leaseId);
  usePageTitle(detail.data && ready ? t('heading', { number: detail.data.number }) : tPortal('nav.leases'));

  // The copy request is a case: the person lands on it, as after "New case".
  const requestCopy = () =>
    copy.mutate(undefined, {
      onSuccess: async ({ caseId }) => {
        await queryClient.invalidateQueries({ queryKey: caseKeys.lists() });
        navigate(`/cases/${caseId}`, { state: { created: true } satisfies CaseCreatedState });
      },
    });

  if (!ready) return <PageLoader />;
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/leases">
        {t('back')}
      </Anchor>
      <Title order={1}>{detail.data ? t('heading', { number: detail.data.number }) : t('title')}</Title>
      {!membership && (
        <Alert color="yellow" variant="light" role="status">
          {tPortal('cases.noCustomer')}
        </Alert>
      )}
      {membership && detail.isPending && <PageLoader />}
      {detail.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorText(t, detail.error)}
        </Alert>
      )}
      {detail.data && <LeaseView lease={detail.data} onRequestCopy={requestCopy} requesting={copy.isPending} requestError={copy.error} />}
    </Stack>
  );
}

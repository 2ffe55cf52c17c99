import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useOutletContext } from 'react-router';
import { NewCaseForm } from '@/features/cases/components/new-case-form';
import { KnownNotices } from '@/features/operational-info/components/known-notices';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** What the case page is told after a case has been sent: show the number and the e-mail note. */
export interface CaseCreatedState {
  created: true;
}

/** Seed 003 "Nytt ärende": works on a phone, where a photo can be taken straight from the form. */
export function NewCaseRoute() {
  const { t } = useTranslation();
  usePageTitle(t('newCase.title'));
  const { selection, membership } = useOutletContext<PortalOutletContext>();
  const navigate = useNavigate();
  const leases = membership?.leases ?? [];

  return (
    <Stack gap="md" maw={760}>
      <Title order={1}>{t('newCase.title')}</Title>
      {membership && leases.length ? (
        <NewCaseForm
          key={selection ? `${selection.customerId}|${selection.leaseId}` : 'none'}
          customerId={membership.customerId}
          leases={leases}
          defaultLeaseId={selection?.leaseId ?? null}
          onSuccess={(created) => navigate(`/cases/${created.id}`, { replace: true, state: { created: true } satisfies CaseCreatedState })}
          onCancel={() => navigate('/cases')}
          renderKnownIssues={(leaseId) => <KnownNotices customerId={membership.customerId} leaseId={leaseId} />}
        />
      ) : (
        <Alert color="yellow" variant="light">
          {t('newCase.noLease')}
        </Alert>
      )}
    </Stack>
  );
}

import { Alert, Anchor, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useOutletContext, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { useCase } from '@/features/cases/api/get-case';
import { CaseView } from '@/features/cases/components/case-view';
import { errorText } from '@/lib/errors';
import { usePageTitle } from '@/lib/use-page-title';
import type { CaseCreatedState } from './new-case';
import type { PortalOutletContext } from './portal-layout';

export function CaseRoute() {
  const { t } = useTranslation();
  const { caseId = '' } = useParams();
  const location = useLocation();
  const { membership } = useOutletContext<PortalOutletContext>();
  const customerId = membership?.customerId ?? '';
  const detail = useCase(customerId, caseId);
  usePageTitle(detail.data ? t('case.heading', { number: detail.data.number, title: detail.data.title }) : t('case.title'));
  const createdNote = (location.state as Partial<CaseCreatedState> | null)?.created === true;

  return (
    <Stack gap="md">
      <Anchor component={Link} to="/cases">
        {t('case.back')}
      </Anchor>
      {!membership && (
        <>
          <Title order={1}>{t('case.title')}</Title>
          <Alert color="yellow" variant="light" role="status">
            {t('cases.noCustomer')}
          </Alert>
        </>
      )}
      {membership && detail.isPending && (
        <>
          <Title order={1}>{t('case.title')}</Title>
          <PageLoader />
        </>
      )}
      {detail.isError && (
        <>
          <Title order={1}>{t('case.title')}</Title>
          <Alert color="red" variant="light" role="alert">
            {errorText(t, detail.error)}
          </Alert>
        </>
      )}
      {detail.data && <CaseView customerId={customerId} detail={detail.data} createdNote={createdNote} />}
    </Stack>
  );
}

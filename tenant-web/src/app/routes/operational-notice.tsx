import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext, useParams } from 'react-router';
import { PageLoader } from '@/components/page-loader';
import { NoticeView } from '@/features/operational-info/components/notice-view';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** One operational notice with its history (the link in urgent e-mails and SMS). */
export function OperationalNoticeRoute() {
  const { t, ready } = useTranslation('ops');
  const { t: tPortal } = useTranslation();
  usePageTitle(ready ? t('title') : '');
  const { noticeId = '' } = useParams();
  const { membership } = useOutletContext<PortalOutletContext>();
  if (!ready) return <PageLoader />;
  if (!membership)
    return (
      <Alert color="yellow" variant="light" role="status">
        {tPortal('cases.noCustomer')}
      </Alert>
    );
  return <NoticeView customerId={membership.customerId} noticeId={noticeId} />;
}

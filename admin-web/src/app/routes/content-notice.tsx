import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePageTitle } from '@/components/page-heading';
import { NoticeDetailView } from '@/features/operational-info/components/notice-detail';

/** Content › one operational notice: text, history, edit, resolve, deliveries. */
export function ContentNoticeRoute() {
  const { t } = useTranslation('ops');
  usePageTitle(t('console.title'));
  const { noticeId = '' } = useParams();
  return <NoticeDetailView noticeId={noticeId} />;
}

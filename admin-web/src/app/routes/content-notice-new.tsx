import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { NoticeForm } from '@/features/operational-info/components/notice-form';

/** Content › New operational notice. */
export function ContentNoticeNewRoute() {
  const { t } = useTranslation('ops');
  const navigate = useNavigate();
  return (
    <>
      <PageHeading title={t('console.new')} />
      <NoticeForm onSaved={(n) => navigate(`/content/notices/${n.id}`, { replace: true })} onCancel={() => navigate('/content')} />
    </>
  );
}

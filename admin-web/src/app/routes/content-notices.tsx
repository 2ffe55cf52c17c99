import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { NoticeList } from '@/features/operational-info/components/notice-list';

/** Content › Operational notices (issue 12 §1): the list, by state. */
export function ContentNoticesRoute() {
  const { t } = useTranslation('ops');
  return (
    <>
      <PageHeading title={t('console.title')} />
      <NoticeList />
    </>
  );
}

import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';
import { ObjectRegister } from '@/features/cases/components/object-register';

export function ObjectsRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('objects.title')} />
      <ObjectRegister />
    </>
  );
}

import { Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function Loading() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden size="sm" />
      <span className="visually-hidden">{t('app.loading')}</span>
    </Center>
  );
}

import { Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeading } from '@/components/page-heading';

export function NotFoundRoute() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('app.notFoundTitle')} />
      <Text mb="md">{t('errors:not_found')}</Text>
      <Anchor component={Link} to="/messages">
        {t('app.backHome')}
      </Anchor>
    </>
  );
}

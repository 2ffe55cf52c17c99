import { Alert, Anchor, Container } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '@/components/page-heading';

export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container component="main" id="main" size="sm" py="xl">
      <PageHeading title={t('app.errorTitle')} />
      <Alert color="red" variant="light" role="alert" mb="md">
        {t('errors:internal_error')}
      </Alert>
      <Anchor href="/messages">{t('app.backHome')}</Anchor>
    </Container>
  );
}

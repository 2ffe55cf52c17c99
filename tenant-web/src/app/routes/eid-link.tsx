import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { EidLinkConfirm } from '@/features/auth/components/eid-link-confirm';
import { usePageTitle } from '@/lib/use-page-title';

/** Where the e-ID broker returns with intent=link: `/settings/eid-link?request=<id>`. */
export function EidLinkRoute() {
  const { t } = useTranslation();
  usePageTitle(t('eidLink.title'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const requestId = params.get('request') ?? '';

  return (
    <Stack gap="md" maw={560}>
      <Title order={1}>{t('eidLink.title')}</Title>
      {requestId ? (
        <EidLinkConfirm
          key={requestId}
          requestId={requestId}
          onDone={(linked) => navigate('/settings', { replace: true, state: linked ? { notice: 'eidLinked' } : {} })}
        />
      ) : (
        <Alert color="red" variant="light" role="alert">
          {t('errors:not_found')}
        </Alert>
      )}
    </Stack>
  );
}

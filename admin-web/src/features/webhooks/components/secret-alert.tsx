import { useTranslation } from 'react-i18next';
import { SecretOnce } from '@/components/secret-once';

/** The signing secret, shown once after create or rotate. */
export function SecretAlert({ secret }: { secret: string }) {
  const { t } = useTranslation('webhooks');
  return (
    <SecretOnce
      secret={secret}
      title={t('secret.title')}
      warning={t('secret.once')}
      label={t('secret.label')}
      copy={t('secret.copy')}
      copied={t('secret.copied')}
      testId="webhook-secret"
    />
  );
}

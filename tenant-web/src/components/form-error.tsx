import { Alert } from '@mantine/core';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { useTranslation } from 'react-i18next';
import { errorText } from '@/lib/errors';

/** The translated text of an API error, announced to screen readers. */
export function FormError({ error, policy }: { error: unknown; policy?: PasswordPolicy }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" variant="light" role="alert" title={t('error.title')}>
      {errorText(t, error, policy)}
    </Alert>
  );
}

import { Text } from '@mantine/core';
import { checkPasswordShape, type PasswordPolicy } from '@portico/shared/password-policy';
import { useTranslation } from 'react-i18next';
import { errorParams } from '@/lib/errors';

/** Live hint under a new-password field: the policy's rule, then what is still missing. */
export function PasswordHints({ id, password, policy }: { id: string; password: string; policy: PasswordPolicy }) {
  const { t } = useTranslation();
  const params = errorParams(policy);
  const problem = password ? checkPasswordShape(password, policy) : null;
  return (
    <div id={id}>
      <Text size="sm" c="gray.7">
        {t(`password.rules.${policy}`, params)}
      </Text>
      <div aria-live="polite">
        {password &&
          (problem ? (
            <Text size="sm" c="red.9">
              {t(`errors:${problem}`, params)}
            </Text>
          ) : (
            <Text size="sm" c="teal.9">
              {t('password.ok')}
            </Text>
          ))}
      </div>
    </div>
  );
}

import { Text } from '@mantine/core';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { useTranslation } from 'react-i18next';
import { errorParams } from '@/lib/errors';
import { firstPasswordProblem } from '../utils/password-policies';

/**
 * Live hint under a new-password field: the rule of each policy the password must meet (a person
 * under several landlords meets all of theirs), then what is still missing. When the field itself
 * shows an error, the missing part is left out so the same message is not read twice.
 */
export function PasswordHints({
  id,
  password,
  policies,
  fieldHasError = false,
}: {
  id: string;
  password: string;
  policies: PasswordPolicy[];
  fieldHasError?: boolean;
}) {
  const { t } = useTranslation();
  const problem = password ? firstPasswordProblem(password, policies) : null;
  return (
    <div id={id}>
      {policies.map((policy) => (
        <Text key={policy} size="sm" c="gray.7">
          {t(`password.rules.${policy}`, errorParams(policy))}
        </Text>
      ))}
      <div aria-live="polite">
        {password &&
          !fieldHasError &&
          (problem ? (
            <Text size="sm" c="red.9">
              {t(`errors:${problem.code}`, errorParams(problem.policy))}
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

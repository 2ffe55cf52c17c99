import { Alert, List } from '@mantine/core';
import { ApiRequestError } from '@portico/shared/http';
import type { PasswordPolicy } from '@portico/shared/password-policy';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@/lib/errors';

/** Shows an API error in the current language, with its field issues if the API named any. */
export function ErrorAlert({ error, policy, showIssues = true }: { error: unknown; policy?: PasswordPolicy; showIssues?: boolean }) {
  const { t } = useTranslation();
  if (!error) return null;
  const issues = showIssues && error instanceof ApiRequestError ? (error.issues ?? []) : [];
  return (
    <Alert color="red" variant="light" role="alert" title={t('app.errorAlertTitle')} mb="md">
      {errorMessage(t, error, policy)}
      {issues.length > 0 && (
        <List size="sm" mt="xs">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? `${issue.path}: ` : ''}
              {issue.code ? t(`errors:${issue.code}`) : issue.message}
            </List.Item>
          ))}
        </List>
      )}
    </Alert>
  );
}

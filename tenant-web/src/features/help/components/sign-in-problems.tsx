import { Anchor, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLandlordInfo } from '@/features/landlord/api/get-landlord-info';
import { SupportContacts } from '@/features/landlord/components/support-contacts';

/**
 * "Problems signing in? Contact …" (issue 12 §3): the landlord's support details (settings), and the
 * public sign-in help page for someone who cannot sign in — linked, not repeated.
 */
export function SignInProblems({ customerId }: { customerId: string }) {
  const { t } = useTranslation('help');
  const info = useLandlordInfo(customerId);
  return (
    <Paper withBorder p="md" component="aside" aria-labelledby="sign-in-problems">
      <Stack gap="xs">
        <Title order={2} size="h4" id="sign-in-problems">
          {t('signInProblems')}
        </Title>
        {info.data && (
          <SupportContacts
            headingLevel={3}
            contact={{ displayName: info.data.displayName, supportEmail: info.data.supportEmail, supportPhone: info.data.supportPhone }}
          />
        )}
        <Text size="sm">{t('signInProblemsText')}</Text>
        <Anchor component={Link} to={info.data ? `/sign-in-help?landlord=${info.data.landlordId}` : '/sign-in-help'}>
          {t('signInHelpLink')}
        </Anchor>
      </Stack>
    </Paper>
  );
}

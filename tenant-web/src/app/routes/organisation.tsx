import { Alert, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOutletContext } from 'react-router';
import { InviteMemberForm } from '@/features/organisation/components/invite-member-form';
import { MemberList } from '@/features/organisation/components/member-list';
import { canManageOrganisation } from '@/lib/roles';
import { usePageTitle } from '@/lib/use-page-title';
import type { PortalOutletContext } from './portal-layout';

/** Seed 002: main administrators and administrators manage the organisation's users and roles. */
export function OrganisationRoute() {
  const { t } = useTranslation();
  usePageTitle(t('organisation.title'));
  const { membership } = useOutletContext<PortalOutletContext>();
  const role = membership?.role;

  return (
    <Stack gap="lg">
      <Title order={1}>{t('organisation.title')}</Title>
      {!membership || !canManageOrganisation(role) ? (
        <Alert color="yellow" variant="light" role="status">
          {t('organisation.notAllowed')}
        </Alert>
      ) : (
        <>
          <Text>{t('organisation.intro', { customer: membership.customerName })}</Text>
          <section aria-labelledby="members-heading">
            <Stack gap="sm">
              <Title order={2} id="members-heading" size="h3">
                {t('organisation.members')}
              </Title>
              <MemberList customerId={membership.customerId} myRole={membership.role} />
            </Stack>
          </section>
          <section aria-labelledby="invite-heading">
            <Stack gap="sm" maw={480}>
              <Title order={2} id="invite-heading" size="h3">
                {t('organisation.inviteHeading')}
              </Title>
              <Text size="sm" c="gray.7">
                {t('organisation.inviteHint')}
              </Text>
              <InviteMemberForm key={membership.customerId} myRole={membership.role} />
            </Stack>
          </section>
        </>
      )}
    </Stack>
  );
}

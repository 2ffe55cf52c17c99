import type { StaffMe } from '@portico/shared/contracts/auth';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { authKeys } from '@/features/auth/api/query-keys';
import { useStaffInvitation } from '@/features/staff/api/staff-invitation';
import { AcceptInvitationForm } from '@/features/staff/components/accept-invitation-form';
import { i18n } from '@/lib/i18n';

/** Public: the link in a staff invitation. Choosing a password signs the colleague in and opens the console. */
export function StaffInvitationRoute() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const preview = useStaffInvitation(token);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const onAccepted = (me: StaffMe) => {
    queryClient.removeQueries();
    queryClient.setQueryData(authKeys.me(), me);
    if (me.locale) void i18n.changeLanguage(me.locale);
    navigate('/', { replace: true });
  };
  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    return (
      <>
        <PageHeading title={t('app.consoleName')} />
        <ErrorAlert error={preview.error} />
      </>
    );
  }
  return (
    <>
      <PageHeading title={t('staff.accept.title', { landlord: preview.data.landlordName })} />
      <AcceptInvitationForm token={token} preview={preview.data} onAccepted={onAccepted} />
    </>
  );
}

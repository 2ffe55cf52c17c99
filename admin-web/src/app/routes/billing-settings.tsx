import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { useBillingSettings } from '@/features/billing/api/settings';
import { BillingSettingsForm } from '@/features/billing/components/billing-settings-form';
import { canManageBilling } from './billing-invoice';

export function BillingSettingsRoute() {
  const { t } = useTranslation('billing');
  const me = useMe();
  const settings = useBillingSettings();
  return (
    <>
      <PageHeading title={t('settings.title')} />
      {settings.isPending ? (
        <Loading />
      ) : settings.isError ? (
        <ErrorAlert error={settings.error} />
      ) : (
        <BillingSettingsForm settings={settings.data} canManage={canManageBilling(me.data?.role)} />
      )}
    </>
  );
}

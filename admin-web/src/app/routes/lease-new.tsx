import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { CustomerPicker } from '@/features/customers/components/customer-picker';
import { LeaseForm } from '@/features/leases/components/lease-form';
import { canManageLeases } from './leases';

/** A new lease; `?customerId=` preselects the customer (from the customer's page). */
export function LeaseNewRoute() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  if (me.data && !canManageLeases(me.data.role)) return <Navigate to="/leases" replace />;
  return (
    <>
      <PageHeading title={t('leases.new')} />
      <LeaseForm
        customer={customer}
        renderCustomerPicker={({ error }) => (
          <CustomerPicker value={customer} onChange={setCustomer} initialCustomerId={params.get('customerId')} error={error} />
        )}
        onSaved={(lease) => navigate(`/leases/${lease.id}`)}
        onCancel={() => navigate('/leases')}
      />
    </>
  );
}

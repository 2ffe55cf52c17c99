import type { CustomerSummary } from '@portico/shared/contracts/customers';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { ErrorAlert } from '@/components/error-alert';
import { Loading } from '@/components/loading';
import { PageHeading } from '@/components/page-heading';
import { useMe } from '@/features/auth/api/get-me';
import { CustomerPicker } from '@/features/customers/components/customer-picker';
import { useLease } from '@/features/leases/api/get-lease';
import { LeaseForm } from '@/features/leases/components/lease-form';
import { canManageLeases } from './leases';

export function LeaseEditRoute() {
  const { t } = useTranslation();
  const { leaseId = '' } = useParams();
  const me = useMe();
  const navigate = useNavigate();
  const lease = useLease(leaseId);
  const [customer, setCustomer] = useState<CustomerSummary | null>(null);
  if (me.data && !canManageLeases(me.data.role)) return <Navigate to={`/leases/${leaseId}`} replace />;
  if (lease.isPending) return <Loading />;
  if (lease.isError) return <ErrorAlert error={lease.error} />;
  return (
    <>
      <PageHeading title={t('leases.editTitle', { number: lease.data.number })} />
      <LeaseForm
        key={lease.data.id}
        lease={lease.data}
        customer={customer}
        renderCustomerPicker={({ error }) => (
          <CustomerPicker value={customer} onChange={setCustomer} initialCustomerId={lease.data.customer.id} error={error} />
        )}
        onSaved={(saved) => navigate(`/leases/${saved.id}`)}
        onCancel={() => navigate(`/leases/${leaseId}`)}
      />
    </>
  );
}

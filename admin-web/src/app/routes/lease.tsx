import { useParams } from 'react-router';
import { useMe } from '@/features/auth/api/get-me';
import { ChargeForm } from '@/features/billing/components/charge-form';
import { RecordHistory } from '@/features/history/components/record-history';
import { LeaseDetails } from '@/features/leases/components/lease-details';
import { canManageBilling } from './billing-invoice';
import { canManageLeases } from './leases';

export function LeaseRoute() {
  const { leaseId = '' } = useParams();
  const me = useMe();
  return (
    <>
      <LeaseDetails
        key={leaseId}
        leaseId={leaseId}
        canManage={canManageLeases(me.data?.role)}
        history={<RecordHistory recordType="lease" recordId={leaseId} />}
      />
      {/* Issue 11 (RUN): finance bills a single extra charge on the lease. */}
      {canManageBilling(me.data?.role) && <ChargeForm key={`charge-${leaseId}`} leaseId={leaseId} />}
    </>
  );
}
